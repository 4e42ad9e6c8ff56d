package referral

import (
	"fmt"
	"strings"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
)

// Side is who moves a referral along: the organisation that sent it or the
// provider that received it.
type Side string

const (
	Sender   Side = "SENDER"
	Receiver Side = "RECEIVER"
)

// The status graph (README "Referrals"):
//
//	SENT       → ACCEPTED | WAITLISTED | DECLINED   (receiver)
//	WAITLISTED → ACCEPTED | DECLINED                (receiver)
//	ACCEPTED   → COMPLETED                          (receiver)
//	ACCEPTED   → CANCELLED                          (receiver or sender; NO_SHOW allowed)
//	SENT, WAITLISTED → CANCELLED                    (sender)
//
// DECLINED, COMPLETED and CANCELLED are final.
var graph = map[Status]map[Status][]Side{
	StatusSent: {
		StatusAccepted: {Receiver}, StatusWaitlisted: {Receiver}, StatusDeclined: {Receiver}, StatusCancelled: {Sender},
	},
	StatusWaitlisted: {
		StatusAccepted: {Receiver}, StatusDeclined: {Receiver}, StatusCancelled: {Sender},
	},
	StatusAccepted: {
		StatusCompleted: {Receiver}, StatusCancelled: {Sender, Receiver},
	},
}

// Next lists the statuses side may move a referral in status from to, in
// the order of Statuses.
func Next(from Status, side Side) []Status {
	var out []Status
	for _, to := range Statuses {
		if contains(graph[from][to], side) {
			out = append(out, to)
		}
	}
	return out
}

// TransitionError: the graph does not allow the change. The API answers it as
// CONFLICT on the field "status".
type TransitionError struct {
	From, To Status
	Side     Side
	Allowed  []Status // what this side may do instead
}

func (e *TransitionError) Error() string {
	who := map[Side]string{Sender: "the sending organisation", Receiver: "the provider"}[e.Side]
	if len(e.Allowed) == 0 {
		return fmt.Sprintf("the referral is %s: %s cannot set it to %s", e.From, who, e.To)
	}
	names := make([]string, len(e.Allowed))
	for i, s := range e.Allowed {
		names[i] = string(s)
	}
	return fmt.Sprintf("the referral is %s: %s cannot set it to %s (only %s)", e.From, who, e.To, strings.Join(names, ", "))
}

// Change is one requested status change.
type Change struct {
	To     Status
	Reason Reason
	At     time.Time
	Side   Side
	// Who: role and organisation of the caller.
	Role           access.Role
	OrganisationID string
}

// checkReason records a reason that does not fit the change. The reason is
// checked before the graph, so that a bad input is named as such.
func checkReason(p directory.Problems, from Status, c Change) {
	switch c.To {
	case StatusDeclined:
		if c.Reason == "" {
			p.Add("reason", "a decline needs a reason: one of NO_CAPACITY, NOT_ELIGIBLE, NOT_REACHABLE, CLIENT_DECLINED, OTHER")
		} else if !contains(DeclineReasons, c.Reason) {
			p.Add("reason", "%s is not a reason to decline; use NO_CAPACITY, NOT_ELIGIBLE, NOT_REACHABLE, CLIENT_DECLINED or OTHER", c.Reason)
		}
	case StatusCancelled:
		switch c.Reason {
		case "", ReasonClientDeclined, ReasonNotReachable, ReasonOther:
		case ReasonNoShow:
			if from != StatusAccepted {
				p.Add("reason", "NO_SHOW only follows an acceptance; the referral is %s", from)
			}
		default:
			p.Add("reason", "%s is not a reason to cancel; use NO_SHOW (after acceptance), CLIENT_DECLINED, NOT_REACHABLE or OTHER", c.Reason)
		}
	default:
		if c.Reason != "" {
			p.Add("reason", "%s takes no reason", c.To)
		}
	}
}

// Apply moves r along the graph. A reason that does not fit is a
// *directory.ValidationError on "reason"; a change the graph does not allow
// is a *TransitionError.
func Apply(r Referral, c Change) (Referral, error) {
	p := directory.NewProblems()
	if !c.To.Valid() {
		p.Add("status", "%q is not a known status", c.To)
		return r, p.Err()
	}
	checkReason(p, r.Status, c)
	if err := p.Err(); err != nil {
		return r, err
	}
	if !contains(graph[r.Status][c.To], c.Side) {
		return r, &TransitionError{From: r.Status, To: c.To, Side: c.Side, Allowed: Next(r.Status, c.Side)}
	}
	return record(r, c), nil
}

// record appends the change to r's history and keeps the derived times.
func record(r Referral, c Change) Referral {
	r.History = append(append([]Event(nil), r.History...), Event{
		Status: c.To, At: c.At, Role: c.Role, OrganisationID: c.OrganisationID, Reason: c.Reason})
	r.Status, r.Reason, r.UpdatedAt = c.To, c.Reason, c.At
	if r.FirstAnswerAt == nil && c.Side == Receiver {
		at := c.At
		r.FirstAnswerAt = &at
	}
	if !c.To.Open() {
		at := c.At
		r.ClosedAt = &at
	}
	return r
}

// New makes the referral of a validated draft, sent at at by an organisation.
func New(id string, d Draft, offer directory.Offer, municipality string, from string, role access.Role, at time.Time) Referral {
	r := Referral{
		ID: id, CaseRef: d.CaseRef, FromOrganisationID: from, OfferID: offer.ID, ToOrganisationID: offer.ProviderID,
		DistrictID: offer.DistrictID, Municipality: municipality, Category: offer.Category,
		Needs: append([]directory.NeedArea(nil), d.Needs...), Note: d.Note, Consent: *d.Consent,
		Status: StatusSent, CreatedAt: at, UpdatedAt: at,
		History: []Event{{Status: StatusSent, At: at, Role: role, OrganisationID: from}},
	}
	r.Consent.Shares = append([]Share(nil), d.Consent.Shares...)
	return r
}

// CheckOffer says whether an offer can receive referrals: not ENDED or PAUSED.
func CheckOffer(p directory.Problems, field string, o directory.Offer) {
	if o.Status == directory.StatusEnded || o.Status == directory.StatusPaused {
		p.Add(field, "the offer %q is %s and takes no referrals", o.ID, o.Status)
	}
}

// Withdraw records the withdrawal of consent at c.At: an open referral is
// cancelled (reason CONSENT_WITHDRAWN), and the case reference and note are
// erased at once, whatever the status. ok is false, and r unchanged, when
// the consent was withdrawn before.
func Withdraw(r Referral, c Change) (Referral, bool) {
	if r.Consent.WithdrawnAt != nil {
		return r, false
	}
	if r.Status.Open() {
		c.To, c.Reason = StatusCancelled, ReasonConsentWithdrawn
		r = record(r, c)
	}
	at := c.At
	r.Consent.WithdrawnAt = &at
	r.UpdatedAt = at
	return Erase(r, at), true
}

// Erase removes the personal part of r (case reference and note) at at;
// everything statistics count stays.
func Erase(r Referral, at time.Time) Referral {
	if r.ErasedAt != nil {
		return r
	}
	r.CaseRef, r.Note = "", ""
	r.ErasedAt = &at
	return r
}

// DefaultRetentionDays is how long case reference and note are kept after a
// referral closes.
const DefaultRetentionDays = 180

// Due reports whether r's personal part is due for erasure at now under a
// retention of days.
func Due(r Referral, now time.Time, days int) bool {
	return r.ErasedAt == nil && r.ClosedAt != nil && !r.ClosedAt.After(now.AddDate(0, 0, -days))
}
