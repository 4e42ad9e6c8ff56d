package store

import (
	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
)

// Page asks for a window of an ordered result: the items after the cursor
// After and before the cursor Before ("" = open), of which the first First,
// or with Backward (Relay's last) the last First. See cursor.go.
type Page struct {
	First    int
	After    string
	Before   string
	Backward bool
}

// MaxPageSize bounds First.
const MaxPageSize = 500

// PageInfo describes where a page sits in its result.
type PageInfo struct {
	TotalCount int
	// HasNextPage: the result has items after the page's last (or, for an
	// empty page, after its window's start); HasPreviousPage likewise before.
	HasNextPage     bool
	HasPreviousPage bool
	// Cursors holds each item's cursor, in page order.
	Cursors []string
}

// Near is a radius around a point.
type Near struct {
	Lat, Lon, RadiusKm float64
}

// OfferFilter narrows offers. Empty fields do not filter. Lists match when
// the offer has any of the listed values; a TargetGroups filter also matches
// offers for ALL. Every field given must hold (AND).
type OfferFilter struct {
	// Text: every folded word (directory.SearchTerms) must occur in the folded
	// title or description.
	Text            string
	Categories      []directory.OfferCategory
	Needs           []directory.NeedArea
	TargetGroups    []directory.TargetGroup
	Languages       []string
	DistrictIDs     []string
	OrganisationIDs []string
	Municipality    string // the offer's district lies in this municipality
	Childcare       *bool
	FreePlacesOnly  bool // freePlaces > 0 (offers with unknown free places are excluded)
	Cost            []directory.Cost
	Near            *Near // offers with a location within RadiusKm (great circle)
	Status          []directory.OfferStatus
	// Eligibility, for matching: an offer that lists legal circuits matches
	// when it lists one of these; an offer that lists none is open to all.
	LegalCircuits []directory.LegalCircuit
	// Age: offers whose age range (open bounds allowed) contains Age.
	Age *int
	// Restricted: the reader may not see PROFESSIONAL offers, nor offers of
	// a PROFESSIONAL organisation, nor find an offer with a confidential
	// address by a radius (Near) search, except those of OwnOrganisation (a
	// partner's own). The service sets it.
	Restricted      bool
	OwnOrganisation string
}

// OfferOrder orders a search; ties are always broken by id.
type OfferOrder string

const (
	OrderTitle      OfferOrder = "TITLE"       // title, ascending (default)
	OrderDistance   OfferOrder = "DISTANCE"    // nearest first; needs Filter.Near
	OrderUpdated    OfferOrder = "UPDATED_AT"  // most recently updated first
	OrderFreePlaces OfferOrder = "FREE_PLACES" // most free places first, unknown last
)

// OfferQuery is one search.
type OfferQuery struct {
	Filter OfferFilter
	Order  OfferOrder
	Page   Page
}

// Validate checks the query's own fields (not the vocabularies, which the
// API's enums already guarantee): radius, order, paging.
func (q OfferQuery) Validate() error {
	p := directory.NewProblems()
	if n := q.Filter.Near; n != nil {
		p.Point("filter.near", &directory.GeoPoint{Lat: n.Lat, Lon: n.Lon})
		if !(n.RadiusKm > 0 && n.RadiusKm <= 1000) {
			p.Add("filter.near.radiusKm", "must be greater than 0 and at most 1000")
		}
	}
	if q.Order == OrderDistance && q.Filter.Near == nil {
		p.Add("orderBy", "DISTANCE needs filter.near")
	}
	switch q.Order {
	case "", OrderTitle, OrderDistance, OrderUpdated, OrderFreePlaces:
	default:
		p.Add("orderBy", "%q is not a known order", q.Order)
	}
	p.Languages("filter.languages", q.Filter.Languages)
	p.SearchText("filter.text", q.Filter.Text)
	if q.Filter.Age != nil && (*q.Filter.Age < 0 || *q.Filter.Age > 130) {
		p.Add("filter.age", "must be between 0 and 130")
	}
	if _, err := q.Page.Window(OfferOrdering(q.Order, q.Filter.Near)); err != nil {
		for _, fe := range err.(*directory.ValidationError).Problems {
			p.Add(fe.Field, "%s", fe.Message)
		}
	}
	return p.Err()
}

// OfferHit is an offer in a search result.
type OfferHit struct {
	Offer directory.Offer
	// DistanceKm is set when the query had Near and the offer has a location.
	DistanceKm *float64
}

// OfferPage is one page of a search.
type OfferPage struct {
	Hits []OfferHit
	PageInfo
}

// OrganisationFilter narrows organisations; empty fields do not filter.
type OrganisationFilter struct {
	Text           string // folded words in the name or description
	Kinds          []directory.OrganisationKind
	DistrictIDs    []string
	Municipality   string
	WorkingGroupID string
	ParentID       string
	// Restricted: the reader may not see PROFESSIONAL organisations, except
	// OwnOrganisation (a partner's own). The service sets it.
	Restricted      bool
	OwnOrganisation string
}

// Validate checks the filter's search text.
func (f OrganisationFilter) Validate() error {
	p := directory.NewProblems()
	p.SearchText("filter.text", f.Text)
	return p.Err()
}

// OrganisationPage is one page of organisations.
type OrganisationPage struct {
	Organisations []directory.Organisation
	PageInfo
}

// Counts says how many records of each kind are stored.
type Counts struct {
	Districts, WorkingGroups, Organisations, Offers, Cooperations, UnmetNeeds int
	CooperationProposals                                                      int
}

// Empty reports whether no directory data is stored (tokens and audit aside).
func (c Counts) Empty() bool {
	return c.Districts+c.WorkingGroups+c.Organisations+c.Offers+c.Cooperations+c.UnmetNeeds+c.CooperationProposals == 0
}

// UnmetNeedFilter narrows unmet needs; empty fields do not filter.
type UnmetNeedFilter struct {
	Municipality string
	DistrictIDs  []string
	Needs        []directory.NeedArea
	Since, Until string // ISO dates, inclusive
}

// UnmetNeedCount is the number of unmet needs recorded for one combination.
type UnmetNeedCount struct {
	DistrictID  string
	Need        directory.NeedArea
	Language    string
	TargetGroup directory.TargetGroup
	Count       int
}

// GapQuery asks for the facts of one municipality ("" = all).
type GapQuery struct {
	Municipality string
	Needs        []directory.NeedArea // "" = all need areas
	// ChildcareRadiusKm: a course counts as without childcare when neither it
	// nor any active CHILDCARE or PASSAGE_GROUP offer within this radius has childcare.
	ChildcareRadiusKm float64
}

// NeedSupply is the active supply of one need area in one district.
type NeedSupply struct {
	DistrictID   string
	Need         directory.NeedArea
	ActiveOffers int
	FreePlaces   int // sum of known free places of those offers
}

// CategorySupply counts active offers of one category in one district.
type CategorySupply struct {
	DistrictID   string
	Category     directory.OfferCategory
	ActiveOffers int
}

// DistrictLanguage says how many active offers in a district address a need
// area in a language.
type DistrictLanguage struct {
	DistrictID string
	Need       directory.NeedArea
	Language   string
	Offers     int
}

// GapFacts is what the gap rules read. Offers in it belong to districts of the municipality.
type GapFacts struct {
	Districts         []directory.District
	Supply            []NeedSupply       // only combinations with at least one active offer
	Categories        []CategorySupply   // only combinations with at least one active offer
	DistrictLanguages []DistrictLanguage // all need areas, whatever Needs says
	UnmetNeeds        []UnmetNeedCount
	// CoursesWithoutChildcare: active INTEGRATION_COURSE and LANGUAGE_COURSE
	// offers without childcare and with no active CHILDCARE or PASSAGE_GROUP
	// offer within ChildcareRadiusKm.
	CoursesWithoutChildcare []directory.Offer
	// AlwaysFull: active offers with capacity > 0 and no free places. The
	// service adds the active offers with at least 5 NO_CAPACITY declines
	// of referrals in the last 12 months (NoCapacityDeclines).
	AlwaysFull []directory.Offer
	// NoCapacityDeclines counts, per offer, the referrals declined for
	// NO_CAPACITY in the last 12 months; set by the service, not the store.
	NoCapacityDeclines map[string]int
	// Unfunded: PLANNED or PAUSED offers whose funding is UNFUNDED or APPLIED.
	Unfunded []directory.Offer
}

// Graph is a set of organisations and the cooperations among them.
type Graph struct {
	Organisations []directory.Organisation
	Cooperations  []directory.Cooperation
}

// AuditFilter narrows the audit log; empty fields do not filter.
type AuditFilter struct {
	ID         string // one entry, by its id (node(id:))
	ActorID    string
	EntityType string
	EntityID   string
	Action     string
}

// AuditPage is one page of the audit log.
type AuditPage struct {
	Entries []access.AuditEntry
	PageInfo
}
