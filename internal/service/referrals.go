package service

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/gaps"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/store"
)

// Referrals (DESIGN.md §2): a CASE_MANAGER of an organisation sends and
// follows its organisation's referrals; the PARTNER of the receiving
// offer's organisation sees those it receives and answers them; STEERING and
// ADMIN read aggregates only (referralStats); PUBLIC nothing. Every
// mutation is audited; the audit entry never holds the case reference or
// the note, which are erased after the retention period.

// Direction says whose referrals a list shows.
type Direction string

const (
	DirectionSent     Direction = "SENT"
	DirectionReceived Direction = "RECEIVED"
)

// auditView is what the audit log keeps of a referral: no case reference, no note.
type auditView struct {
	Status      referral.Status      `json:"status"`
	Reason      referral.Reason      `json:"reason,omitempty"`
	OfferID     string               `json:"offerId"`
	From        string               `json:"fromOrganisationId"`
	Needs       []directory.NeedArea `json:"needs"`
	ConsentForm referral.ConsentForm `json:"consentForm"`
	Withdrawn   bool                 `json:"consentWithdrawn,omitempty"`
	Erased      bool                 `json:"erased,omitempty"`
}

func viewOf(r *referral.Referral) any {
	if r == nil {
		return nil
	}
	return auditView{Status: r.Status, Reason: r.Reason, OfferID: r.OfferID, From: r.FromOrganisationID, Needs: r.Needs,
		ConsentForm: r.Consent.Form, Withdrawn: r.Consent.WithdrawnAt != nil, Erased: r.ErasedAt != nil}
}

// referrer returns the caller's organisation when it may send referrals.
func referrer(p access.Principal, action string) (string, error) {
	if err := access.Require(p, action, access.RoleCaseManager); err != nil {
		return "", err
	}
	if p.OrganisationID == "" {
		return "", access.Deny(p, action, "this CASE_MANAGER token belongs to no organisation; issue one with lotse token create --organisation")
	}
	return p.OrganisationID, nil
}

// CreateReferral sends a referral from the caller's organisation to an
// ACTIVE or PLANNED offer.
func (s *Service) CreateReferral(ctx context.Context, d referral.Draft) (referral.Referral, error) {
	p := access.FromContext(ctx)
	from, err := referrer(p, "createReferral")
	if err != nil {
		return referral.Referral{}, err
	}
	if err := d.Validate(s.today()); err != nil {
		return referral.Referral{}, err
	}
	offer, err := s.Offer(ctx, d.OfferID)
	if err != nil {
		return referral.Referral{}, err
	}
	if offer == nil {
		return referral.Referral{}, &store.NotFound{Field: "offerId", Entity: "offer", ID: d.OfferID}
	}
	problems := directory.NewProblems()
	referral.CheckOffer(problems, "offerId", *offer)
	if err := problems.Err(); err != nil {
		return referral.Referral{}, err
	}
	municipality, err := s.municipalityOf(ctx, *offer)
	if err != nil {
		return referral.Referral{}, err
	}
	r := referral.New(NewID("ref-"), d, *offer, municipality, from, p.Role, s.Now())
	if err := s.store.CreateReferral(s.audited(ctx, "createReferral", "Referral", r.ID, nil, viewOf(&r)), r); err != nil {
		var nf *store.NotFound
		if errors.As(err, &nf) && nf.Field == "fromOrganisationId" {
			return referral.Referral{}, fmt.Errorf("the caller's organisation %q is not in the directory: %w", from, err)
		}
		return referral.Referral{}, err
	}
	return r, nil
}

// municipalityOf is the municipality an offer's referrals count for: its
// district's, else its provider's.
func (s *Service) municipalityOf(ctx context.Context, o directory.Offer) (string, error) {
	if o.DistrictID != "" {
		ds, err := s.store.DistrictsByID(ctx, []string{o.DistrictID})
		if err != nil {
			return "", err
		}
		if len(ds) > 0 {
			return ds[0].Municipality, nil
		}
	}
	org, err := s.Organisation(ctx, o.ProviderID)
	if err != nil || org == nil {
		return "", err
	}
	return org.Municipality, nil
}

// side says how the caller stands to r: sender, receiver, or neither ("").
func side(p access.Principal, r referral.Referral) referral.Side {
	switch {
	case p.OrganisationID == "":
		return ""
	case p.Role == access.RoleCaseManager && r.FromOrganisationID == p.OrganisationID:
		return referral.Sender
	case p.Role == access.RolePartner && r.ToOrganisationID == p.OrganisationID:
		return referral.Receiver
	}
	return ""
}

// NextStatuses lists what the caller may set r to next (none for anyone
// but its sender and its provider).
func NextStatuses(p access.Principal, r referral.Referral) []referral.Status {
	sd := side(p, r)
	if sd == "" {
		return []referral.Status{}
	}
	if next := referral.Next(r.Status, sd); next != nil {
		return next
	}
	return []referral.Status{}
}

// visible returns the referral with id when the caller may see it; an
// invisible one is reported exactly like a missing one, so that nobody
// learns which ids exist elsewhere.
func (s *Service) visible(ctx context.Context, action, id string) (referral.Referral, referral.Side, error) {
	p := access.FromContext(ctx)
	if err := access.Require(p, action, access.RoleCaseManager, access.RolePartner); err != nil {
		return referral.Referral{}, "", err
	}
	problems := directory.NewProblems()
	problems.ID("id", id, true)
	if err := problems.Err(); err != nil {
		return referral.Referral{}, "", err
	}
	list, err := s.store.ReferralsByID(ctx, []string{id})
	if err != nil {
		return referral.Referral{}, "", err
	}
	if len(list) == 0 || side(p, list[0]) == "" {
		return referral.Referral{}, "", &store.NotFound{Field: "id", Entity: "referral", ID: id}
	}
	return list[0], side(p, list[0]), nil
}

// Referral returns a referral the caller sent or received, or nil.
func (s *Service) Referral(ctx context.Context, id string) (*referral.Referral, error) {
	r, _, err := s.visible(ctx, "referral", id)
	var nf *store.NotFound
	if errors.As(err, &nf) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// UpdateReferralStatus moves a referral along the status graph. Only the
// receiving provider answers (ACCEPTED, WAITLISTED, DECLINED, COMPLETED);
// the sender cancels an open referral; after acceptance both may cancel.
//
// With noAlternative a decline also records the referral's needs as unmet
// needs in the offer's district (nothing about the client), so that the
// gap report learns of it in the same step: whoever may decline may record
// these, as the referral already says what was needed where.
func (s *Service) UpdateReferralStatus(ctx context.Context, id string, to referral.Status, reason referral.Reason, noAlternative bool) (referral.Referral, []directory.UnmetNeed, error) {
	r, err := s.updateReferralStatus(ctx, id, to, reason, noAlternative)
	if err != nil || !noAlternative {
		return r, nil, err
	}
	us := make([]directory.UnmetNeed, len(r.Needs))
	ids := make([]string, len(r.Needs))
	for i, n := range r.Needs {
		us[i] = directory.UnmetNeed{ID: NewID("unm-"), Need: n, DistrictID: r.DistrictID, RecordedOn: s.today()}
		ids[i] = us[i].ID
	}
	actx := s.audited(ctx, "updateReferralStatus.noAlternative", "UnmetNeed", strings.Join(ids, ","), nil, map[string]any{"unmetNeeds": us, "referralId": id})
	if err := s.store.RecordUnmetNeeds(actx, us); err != nil {
		return r, nil, err
	}
	return r, us, nil
}

func (s *Service) updateReferralStatus(ctx context.Context, id string, to referral.Status, reason referral.Reason, noAlternative bool) (referral.Referral, error) {
	p := access.FromContext(ctx)
	old, sd, err := s.visible(ctx, "updateReferralStatus", id)
	if err != nil {
		return referral.Referral{}, err
	}
	if noAlternative {
		problems := directory.NewProblems()
		switch {
		case to != referral.StatusDeclined:
			problems.Add("noAlternative", "only goes with DECLINED")
		case old.DistrictID == "":
			problems.Add("noAlternative", "the offer has no district to record the unmet needs in; record them with recordUnmetNeed")
		}
		if err := problems.Err(); err != nil {
			return referral.Referral{}, err
		}
	}
	change := referral.Change{To: to, Reason: reason, Side: sd, At: s.Now(), Role: p.Role, OrganisationID: p.OrganisationID}
	apply := func(r referral.Referral) (referral.Referral, error) {
		out, err := referral.Apply(r, change)
		var te *referral.TransitionError
		if errors.As(err, &te) {
			if other := otherSide(sd); slices.Contains(referral.Next(r.Status, other), to) {
				return r, access.Deny(p, "updateReferralStatus", "only %s may set a %s referral to %s",
					map[referral.Side]string{referral.Sender: "the sending organisation", referral.Receiver: "the provider"}[other], r.Status, to)
			}
			return r, &store.Conflict{Field: "status", Reason: te.Error()}
		}
		return out, err
	}
	// Checked once before writing, so that a refused change leaves no audit entry.
	next, err := apply(old)
	if err != nil {
		return referral.Referral{}, err
	}
	return s.store.UpdateReferral(s.audited(ctx, "updateReferralStatus", "Referral", id, viewOf(&old), viewOf(&next)), id, apply)
}

func otherSide(sd referral.Side) referral.Side {
	if sd == referral.Sender {
		return referral.Receiver
	}
	return referral.Sender
}

// WithdrawConsent records that the client withdrew consent: an open
// referral is cancelled, and case reference and note are erased at once.
// Only the sending organisation's case management may record it.
func (s *Service) WithdrawConsent(ctx context.Context, id string) (referral.Referral, error) {
	p := access.FromContext(ctx)
	old, sd, err := s.visible(ctx, "withdrawConsent", id)
	if err != nil {
		return referral.Referral{}, err
	}
	if sd != referral.Sender {
		return referral.Referral{}, access.Deny(p, "withdrawConsent", "only the sending organisation records a withdrawal of consent")
	}
	change := referral.Change{Side: sd, At: s.Now(), Role: p.Role, OrganisationID: p.OrganisationID}
	apply := func(r referral.Referral) (referral.Referral, error) {
		out, ok := referral.Withdraw(r, change)
		if !ok {
			return r, &store.Conflict{Field: "id", Reason: "the consent to this referral has already been withdrawn"}
		}
		return out, nil
	}
	next, err := apply(old)
	if err != nil {
		return referral.Referral{}, err
	}
	return s.store.UpdateReferral(s.audited(ctx, "withdrawConsent", "Referral", id, viewOf(&old), viewOf(&next)), id, apply)
}

// ReferralFilter narrows a list of referrals.
type ReferralFilter struct {
	Direction    Direction // "" = the caller's natural one: SENT for CASE_MANAGER, RECEIVED for PARTNER
	Status       []referral.Status
	OfferID      string
	Since, Until string
}

// Referrals lists the referrals the caller's organisation sent (CASE_MANAGER)
// or received (PARTNER), newest first.
func (s *Service) Referrals(ctx context.Context, f ReferralFilter, page store.Page) (store.ReferralPage, error) {
	p := access.FromContext(ctx)
	if err := access.Require(p, "referrals", access.RoleCaseManager, access.RolePartner); err != nil {
		return store.ReferralPage{}, err
	}
	problems := directory.NewProblems().At("filter")
	q := store.ReferralFilter{Status: f.Status, OfferID: f.OfferID, Since: f.Since, Until: f.Until}
	dir := f.Direction
	if dir == "" {
		dir = map[access.Role]Direction{access.RoleCaseManager: DirectionSent, access.RolePartner: DirectionReceived}[p.Role]
	}
	switch {
	case dir == DirectionSent && p.Role == access.RoleCaseManager:
		q.FromOrganisationID = p.OrganisationID
	case dir == DirectionReceived && p.Role == access.RolePartner:
		q.ToOrganisationID = p.OrganisationID
	case dir != DirectionSent && dir != DirectionReceived:
		problems.Add("direction", "%q is not SENT or RECEIVED", dir)
	default:
		return store.ReferralPage{}, access.Deny(p, "referrals", "direction %s: a CASE_MANAGER lists what its organisation SENT, a PARTNER what it RECEIVED", dir)
	}
	if p.OrganisationID == "" && problems.Len() == 0 {
		return store.ReferralPage{}, access.Deny(p, "referrals", "this token belongs to no organisation")
	}
	for i, st := range f.Status {
		if !st.Valid() {
			problems.Add(fmt.Sprintf("status[%d]", i), "%q is not a referral status", st)
		}
	}
	problems.ID("offerId", f.OfferID, false)
	problems.Date("since", f.Since, false)
	problems.Date("until", f.Until, false)
	if f.Since != "" && f.Until != "" && f.Until < f.Since {
		problems.Add("until", "must not be before since (%s)", f.Since)
	}
	if err := problems.Err(); err != nil {
		return store.ReferralPage{}, err
	}
	if _, err := page.Window(store.OrderingReferrals); err != nil {
		return store.ReferralPage{}, err
	}
	return s.store.Referrals(ctx, q, page)
}

// ReferralStatsRow is the tally of one group as the reader may see it.
type ReferralStatsRow struct {
	Key  string // offer, provider or district id, need area or category
	View referral.View
}

// ReferralStats is referralStats' answer.
type ReferralStats struct {
	Municipality string
	GroupBy      store.ReferralGroup
	Groups       []ReferralStatsRow
	Total        referral.View
}

// ReferralStats tallies the referrals of a municipality ("" = all) sent
// between since and until. Readers: case management (who see every count),
// steering and admin (counts below 5 suppressed with their complements).
func (s *Service) ReferralStats(ctx context.Context, municipality, since, until string, groupBy store.ReferralGroup) (ReferralStats, error) {
	p := access.FromContext(ctx)
	if err := access.Require(p, "referralStats", access.ReportReaders...); err != nil {
		return ReferralStats{}, err
	}
	problems := directory.NewProblems()
	checkMunicipality(problems, municipality)
	problems.Date("since", since, false)
	problems.Date("until", until, false)
	if since != "" && until != "" && until < since {
		problems.Add("until", "must not be before since (%s)", since)
	}
	if p.Role != access.RoleCaseManager {
		// As for unmetNeedCounts: two windows differ by a count nobody
		// suppressed, so readers of suppressed counts get all time only.
		for _, w := range []struct{ field, value string }{{"since", since}, {"until", until}} {
			if w.value != "" {
				problems.Add(w.field, "time windows are for case management, which sees exact counts: the difference of two windows would reveal counts below %d; leave since and until out to count all referrals", referral.MinPublicCount)
			}
		}
	}
	if !slices.Contains(store.ReferralGroups, groupBy) {
		problems.Add("groupBy", "%q is not OFFER, PROVIDER, DISTRICT, NEED or CATEGORY", groupBy)
	}
	if err := problems.Err(); err != nil {
		return ReferralStats{}, err
	}
	municipality, err := s.municipality(ctx, "municipality", municipality)
	if err != nil {
		return ReferralStats{}, err
	}
	counts, err := s.store.ReferralCounts(ctx, store.ReferralCountQuery{Municipality: municipality, Since: since, Until: until, GroupBy: groupBy})
	if err != nil {
		return ReferralStats{}, err
	}
	// The total counts each referral once, also when NEED counts it per need.
	totals := counts
	if groupBy == store.GroupNeed {
		if totals, err = s.store.ReferralCounts(ctx, store.ReferralCountQuery{Municipality: municipality, Since: since, Until: until, GroupBy: store.GroupCategory}); err != nil {
			return ReferralStats{}, err
		}
	}
	byKey := map[string]*referral.Tally{}
	var keys []string
	for _, c := range counts {
		if byKey[c.Key] == nil {
			byKey[c.Key] = &referral.Tally{}
			keys = append(keys, c.Key)
		}
		byKey[c.Key].Add(c.Status, c.Reason, c.AnswerDays, c.Count)
	}
	var total referral.Tally
	for _, c := range totals {
		total.Add(c.Status, c.Reason, c.AnswerDays, c.Count)
	}
	sort.Strings(keys)
	rows := make([]referral.Tally, len(keys))
	for i, k := range keys {
		rows[i] = *byKey[k]
	}
	views, tv := referral.Suppress(rows, total, p.Role == access.RoleCaseManager)
	out := ReferralStats{Municipality: municipality, GroupBy: groupBy, Total: tv, Groups: make([]ReferralStatsRow, len(keys))}
	for i, k := range keys {
		out.Groups[i] = ReferralStatsRow{Key: k, View: views[i]}
	}
	return out, nil
}

// FlowWindowMonths is how far back the network report looks for referral flows.
const FlowWindowMonths = 12

// ReferralFlow is the number of referrals from one organisation to another's offers.
type ReferralFlow struct {
	From, To    directory.Organisation
	Count       int // exact; show Visible
	Visible     referral.Cell
	Cooperation bool // the two have declared a cooperation
}

// CooperationOf is a cooperation with its two organisations.
type CooperationOf struct {
	directory.Cooperation
	A, B *directory.Organisation
}

// ReferralNetwork sets the referral flows beside the declared cooperations.
type ReferralNetwork struct {
	Flows []ReferralFlow // largest first, then by ids
	// CooperationsWithoutReferrals: declared cooperations with no referral
	// in either direction within FlowWindowMonths.
	CooperationsWithoutReferrals []CooperationOf
	// ReferralsWithoutCooperation: flows of pairs with at least
	// referral.MinPublicCount referrals (both directions) and no cooperation.
	ReferralsWithoutCooperation []ReferralFlow
}

// flowPair is two organisations: from and to, or normalized (a < b).
type flowPair struct{ a, b string }

func normFlowPair(a, b string) flowPair {
	if b < a {
		a, b = b, a
	}
	return flowPair{a, b}
}

// cooperationsWithoutReferrals lists g's cooperations between two known
// organisations with no referrals either way (perPair, normalized), in g's
// order, and returns the set of declared pairs.
func cooperationsWithoutReferrals(g store.Graph, orgs map[string]*directory.Organisation, perPair map[flowPair]int) ([]CooperationOf, map[flowPair]bool) {
	declared := make(map[flowPair]bool, len(g.Cooperations))
	without := func(c directory.Cooperation) (a, b *directory.Organisation, ok bool) {
		a, okA := orgs[c.A]
		b, okB := orgs[c.B]
		return a, b, perPair[normFlowPair(c.A, c.B)] == 0 && okA && okB
	}
	n := 0
	for _, c := range g.Cooperations {
		declared[normFlowPair(c.A, c.B)] = true
		if _, _, ok := without(c); ok {
			n++
		}
	}
	// Sized exactly: at NRW scale the list holds 65,000 cooperations.
	out := make([]CooperationOf, 0, n)
	for _, c := range g.Cooperations {
		if a, b, ok := without(c); ok {
			out = append(out, CooperationOf{Cooperation: c, A: a, B: b})
		}
	}
	return out, declared
}

// referralNetwork compares the referral flows of a municipality's offers
// with the cooperations of g. Flow counts below 5 are suppressed for
// readers outside case management.
func (s *Service) referralNetwork(ctx context.Context, municipality string, g store.Graph) (ReferralNetwork, error) {
	p := access.FromContext(ctx)
	since := s.Now().AddDate(0, -FlowWindowMonths, 0).Format("2006-01-02")
	counts, err := s.store.ReferralCounts(ctx, store.ReferralCountQuery{Municipality: municipality, Since: since, GroupBy: store.GroupFlow})
	if err != nil {
		return ReferralNetwork{}, err
	}
	type pair = flowPair
	norm := normFlowPair
	flows := map[pair]int{} // directed: a = from, b = to
	perPair := map[pair]int{}
	for _, c := range counts {
		from, to, _ := strings.Cut(c.Key, "|")
		flows[pair{from, to}] += c.Count
		perPair[norm(from, to)] += c.Count
	}
	// Pointers into the graph: at NRW scale (65,000 cooperations, none with
	// referrals in the benchmark) copying two whole organisations per
	// cooperation cost 0.2 s of CPU per report.
	orgs := make(map[string]*directory.Organisation, len(g.Organisations))
	for i := range g.Organisations {
		orgs[g.Organisations[i].ID] = &g.Organisations[i]
	}
	out := ReferralNetwork{}
	var declared map[pair]bool
	out.CooperationsWithoutReferrals, declared = cooperationsWithoutReferrals(g, orgs, perPair)
	// Only the organisations outside the graph are read (none for all of
	// NRW, where 200,000 referrals name 150,000 pairs).
	var ids []string
	for k := range flows {
		for _, id := range []string{k.a, k.b} {
			if _, ok := orgs[id]; !ok {
				orgs[id] = nil
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > 0 {
		list, err := s.store.OrganisationsByID(ctx, ids)
		if err != nil {
			return ReferralNetwork{}, err
		}
		for i := range list {
			orgs[list[i].ID] = &list[i]
		}
	}
	// Ordered before the flows are made: a flow holds two whole
	// organisations, too large to move around in a sort of 150,000.
	type counted struct {
		pair
		n int
	}
	order := make([]counted, 0, len(flows))
	for k, n := range flows {
		if orgs[k.a] != nil && orgs[k.b] != nil { // else deleted since: nothing to show it by
			order = append(order, counted{k, n})
		}
	}
	slices.SortFunc(order, func(x, y counted) int {
		return cmp.Or(cmp.Compare(y.n, x.n), strings.Compare(x.a, y.a), strings.Compare(x.b, y.b))
	})
	small := p.Role == access.RoleCaseManager
	out.Flows = make([]ReferralFlow, 0, len(order))
	out.ReferralsWithoutCooperation = []ReferralFlow{}
	for _, k := range order {
		f := ReferralFlow{From: *orgs[k.a], To: *orgs[k.b], Count: k.n, Cooperation: declared[norm(k.a, k.b)],
			Visible: referral.Cell{Suppressed: true}}
		if small || k.n >= referral.MinPublicCount {
			v := k.n
			f.Visible = referral.Cell{Value: &v}
		}
		out.Flows = append(out.Flows, f)
		if !f.Cooperation && perPair[norm(k.a, k.b)] >= referral.MinPublicCount {
			out.ReferralsWithoutCooperation = append(out.ReferralsWithoutCooperation, f)
		}
	}
	return out, nil
}

// MaxRetentionDays bounds the retention period (ten years).
const MaxRetentionDays = 3650

// PurgeReferrals erases case reference and note of every referral closed
// more than days days ago (§ 84 SGB X: social data no longer needed are
// erased); statistics keep counting them. Only ADMIN (the server's own
// schedule and the command line) may run it.
func (s *Service) PurgeReferrals(ctx context.Context, days int) (int, error) {
	if err := access.Require(access.FromContext(ctx), "purgeReferrals", access.RoleAdmin); err != nil {
		return 0, err
	}
	if days < 0 || days > MaxRetentionDays {
		return 0, &directory.ValidationError{Problems: []directory.FieldError{{Field: "retentionDays",
			Message: fmt.Sprintf("must be between 0 and %d", MaxRetentionDays)}}}
	}
	now := s.Now()
	before := now.AddDate(0, 0, -days)
	ctx = s.audited(ctx, "purgeReferrals", "Referral", "", nil, map[string]any{"closedBefore": before, "retentionDays": days})
	return s.store.EraseReferrals(ctx, before, now)
}

// ImportReferrals stores already-made referrals in one transaction (the
// demo network, generated networks for benchmarks). Only the operator
// (ADMIN) may; one audit entry records how many.
func (s *Service) ImportReferrals(ctx context.Context, rs []referral.Referral) error {
	if err := access.Require(access.FromContext(ctx), "importReferrals", access.RoleAdmin); err != nil {
		return err
	}
	return s.store.PutReferrals(s.audited(ctx, "importReferrals", "Referral", "", nil, map[string]any{"referrals": len(rs)}), rs)
}

// noCapacityDeclines counts the NO_CAPACITY declines of the last 12
// months per offer, of the municipality's referrals.
func (s *Service) noCapacityDeclines(ctx context.Context, municipality string) (map[string]int, error) {
	since := s.Now().AddDate(0, -FlowWindowMonths, 0).Format(time.DateOnly)
	counts, err := s.store.ReferralCounts(ctx, store.ReferralCountQuery{Municipality: municipality, Since: since,
		GroupBy: store.GroupOffer, Reasons: []referral.Reason{referral.ReasonNoCapacity}})
	if err != nil {
		return nil, err
	}
	declines := map[string]int{}
	for _, c := range counts {
		if c.Status == referral.StatusDeclined {
			declines[c.Key] += c.Count
		}
	}
	return declines, nil
}

// declineEvidence adds the referral evidence to the gap facts: the
// NO_CAPACITY declines (noCapacityDeclines) per offer, and as ALWAYS_FULL
// every active offer of the facts' districts declined so at least
// gaps.MinPublicCount times, whatever its free places say.
func (s *Service) declineEvidence(ctx context.Context, declines map[string]int, f *store.GapFacts) error {
	f.NoCapacityDeclines = declines
	listed := map[string]bool{}
	for _, o := range f.AlwaysFull {
		listed[o.ID] = true
	}
	var more []string
	for id, n := range f.NoCapacityDeclines {
		if n >= gaps.MinPublicCount && !listed[id] {
			more = append(more, id)
		}
	}
	if len(more) == 0 {
		return nil
	}
	offers, err := s.store.OffersByID(ctx, more)
	if err != nil {
		return err
	}
	inFacts := map[string]bool{}
	for _, d := range f.Districts {
		inFacts[d.ID] = true
	}
	for _, o := range offers {
		if o.Status == directory.StatusActive && inFacts[o.DistrictID] {
			f.AlwaysFull = append(f.AlwaysFull, o)
		}
	}
	sort.Slice(f.AlwaysFull, func(i, j int) bool { return f.AlwaysFull[i].ID < f.AlwaysFull[j].ID })
	return nil
}
