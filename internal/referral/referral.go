// Package referral is the closed loop between case management and providers
// (Vermittlung, DESIGN.md §2): a pseudonymous case reference sent by a
// case-management organisation to an offer, with the client's consent and a
// status history. It holds the types, their validation and the status graph;
// no I/O.
package referral

import (
	"slices"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
)

// Status is where a referral stands.
type Status string

const (
	StatusSent       Status = "SENT"
	StatusAccepted   Status = "ACCEPTED"
	StatusWaitlisted Status = "WAITLISTED"
	StatusDeclined   Status = "DECLINED"
	StatusCompleted  Status = "COMPLETED"
	StatusCancelled  Status = "CANCELLED"
)

// Statuses lists every status in the order of the loop.
var Statuses = []Status{StatusSent, StatusAccepted, StatusWaitlisted, StatusDeclined, StatusCompleted, StatusCancelled}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Open reports whether the referral can still change: SENT, ACCEPTED or WAITLISTED.
func (s Status) Open() bool {
	return s == StatusSent || s == StatusAccepted || s == StatusWaitlisted
}

// Reason says why a referral was declined or cancelled.
type Reason string

const (
	ReasonNoCapacity     Reason = "NO_CAPACITY"
	ReasonNotEligible    Reason = "NOT_ELIGIBLE"
	ReasonNotReachable   Reason = "NOT_REACHABLE"
	ReasonClientDeclined Reason = "CLIENT_DECLINED"
	ReasonOther          Reason = "OTHER"
	// ReasonNoShow: the client did not come after acceptance (cancellations only).
	ReasonNoShow Reason = "NO_SHOW"
	// ReasonConsentWithdrawn is set by withdrawConsent; no caller chooses it.
	ReasonConsentWithdrawn Reason = "CONSENT_WITHDRAWN"
)

// DeclineReasons are the reasons a provider may give for DECLINED.
var DeclineReasons = []Reason{ReasonNoCapacity, ReasonNotEligible, ReasonNotReachable, ReasonClientDeclined, ReasonOther}

// Reasons lists every reason.
var Reasons = []Reason{ReasonNoCapacity, ReasonNotEligible, ReasonNotReachable, ReasonClientDeclined, ReasonOther, ReasonNoShow, ReasonConsentWithdrawn}

// Valid reports whether r is a known reason.
func (r Reason) Valid() bool { return slices.Contains(Reasons, r) }

// ConsentForm is how the client consented.
type ConsentForm string

const (
	ConsentWritten          ConsentForm = "WRITTEN"
	ConsentVerbalDocumented ConsentForm = "VERBAL_DOCUMENTED"
)

// Valid reports whether f is a known form.
func (f ConsentForm) Valid() bool { return f == ConsentWritten || f == ConsentVerbalDocumented }

// Share is a part of the referral the client agreed to pass to the provider.
type Share string

const (
	// ShareNeeds: the need areas the referral addresses (always required).
	ShareNeeds Share = "NEEDS"
	// ShareNote: the note to the provider.
	ShareNote Share = "NOTE"
	// ShareOutcome: the provider may report back what became of it.
	ShareOutcome Share = "OUTCOME"
)

// Shares lists every share.
var Shares = []Share{ShareNeeds, ShareNote, ShareOutcome}

// Valid reports whether s is a known share.
func (s Share) Valid() bool { return slices.Contains(Shares, s) }

// Consent is the client's consent to the referral (§ 67b SGB X): given on a
// date, in a form, for what may be shared, until a date.
type Consent struct {
	GivenOn     string      `json:"givenOn"` // ISO date
	Form        ConsentForm `json:"form"`
	Shares      []Share     `json:"shares"`
	ValidUntil  string      `json:"validUntil"` // ISO date, inclusive
	WithdrawnAt *time.Time  `json:"withdrawnAt,omitempty"`
}

// Event is one entry of the status history: which status, when, set by
// whom (role and organisation, never a person), and why.
type Event struct {
	Status         Status      `json:"status"`
	At             time.Time   `json:"at"`
	Role           access.Role `json:"role"`
	OrganisationID string      `json:"organisationId,omitempty"`
	Reason         Reason      `json:"reason,omitempty"`
}

// Referral is one referral of a client to an offer. It names no client:
// CaseRef is a pseudonym that only the sending organisation can resolve.
//
// The provider, district, municipality and category of the offer are
// recorded when the referral is sent, so that statistics and the provider's
// inbox stay right when the offer later changes or is deleted.
type Referral struct {
	ID                 string                  `json:"id"`
	CaseRef            string                  `json:"caseRef,omitempty"` // "" once erased
	FromOrganisationID string                  `json:"fromOrganisationId"`
	OfferID            string                  `json:"offerId"`
	ToOrganisationID   string                  `json:"toOrganisationId"`
	DistrictID         string                  `json:"districtId,omitempty"`
	Municipality       string                  `json:"municipality,omitempty"`
	Category           directory.OfferCategory `json:"category"`
	Needs              []directory.NeedArea    `json:"needs"`
	Note               string                  `json:"note,omitempty"`
	Consent            Consent                 `json:"consent"`
	Status             Status                  `json:"status"`
	Reason             Reason                  `json:"reason,omitempty"` // of the current status
	History            []Event                 `json:"history"`
	CreatedAt          time.Time               `json:"createdAt"`
	UpdatedAt          time.Time               `json:"updatedAt"`
	// FirstAnswerAt is when the provider first answered (accepted, waitlisted or declined).
	FirstAnswerAt *time.Time `json:"firstAnswerAt,omitempty"`
	// ClosedAt is when the referral reached DECLINED, COMPLETED or CANCELLED.
	ClosedAt *time.Time `json:"closedAt,omitempty"`
	// ErasedAt is when the case reference and note were erased (retention or withdrawal).
	ErasedAt *time.Time `json:"erasedAt,omitempty"`
}

// Erased reports whether the personal part (case reference, note) is gone.
func (r Referral) Erased() bool { return r.ErasedAt != nil }

func orNil[T ~string](v T) *T {
	if v == "" {
		return nil
	}
	return &v
}

// CaseRefOrNil is CaseRef, nil once erased (the API's null).
func (r Referral) CaseRefOrNil() *string { return orNil(r.CaseRef) }

// NoteOrNil is Note, nil when none was given or once erased.
func (r Referral) NoteOrNil() *string { return orNil(r.Note) }

// ReasonOrNil is Reason, nil when the status has none.
func (r Referral) ReasonOrNil() *Reason { return orNil(r.Reason) }

// ReasonOrNil is Reason, nil when the status has none.
func (e Event) ReasonOrNil() *Reason { return orNil(e.Reason) }
