package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
)

// Referrals keeps referrals from case management to offers (DESIGN.md §2).
// Writes store the audit entry carried by ctx in the same transaction.
type Referrals interface {
	// CreateReferral stores a new referral. A taken id is a *Conflict on
	// "id"; an unknown offer a *NotFound on "offerId", an unknown sending
	// organisation one on "fromOrganisationId".
	CreateReferral(ctx context.Context, r referral.Referral) error
	// PutReferrals inserts or replaces referrals by id in one transaction,
	// all or none (bulk loading: demo data, generated networks). Problems
	// are named by index ("[3].offerId").
	PutReferrals(ctx context.Context, rs []referral.Referral) error
	// UpdateReferral reads the referral, calls update with it inside the
	// write transaction and stores what update returns, so that concurrent
	// changes never lose one another. An error of update is returned as it
	// is and nothing is stored. Unknown id: *NotFound on "id".
	UpdateReferral(ctx context.Context, id string, update func(old referral.Referral) (referral.Referral, error)) (referral.Referral, error)
	// ReferralsByID returns the referrals that exist among ids, in any order.
	ReferralsByID(ctx context.Context, ids []string) ([]referral.Referral, error)
	// Referrals lists referrals matching f, newest first (created at, then id descending).
	Referrals(ctx context.Context, f ReferralFilter, p Page) (ReferralPage, error)
	// ReferralCounts counts the referrals sent in a window, grouped as q
	// says, by status, reason and whole days to the first answer, in one query.
	// Erased referrals count like any other.
	ReferralCounts(ctx context.Context, q ReferralCountQuery) ([]ReferralCount, error)
	// EraseReferrals erases case reference and note of every referral closed
	// at or before closedBefore and not yet erased, marking them erased at
	// at; it returns how many it erased. It writes no audit entry of its own
	// beyond the one carried by ctx.
	EraseReferrals(ctx context.Context, closedBefore, at time.Time) (int, error)
}

// ReferralFilter narrows referrals; empty fields do not filter.
type ReferralFilter struct {
	FromOrganisationID string // sent by this organisation
	ToOrganisationID   string // received by this provider
	Status             []referral.Status
	OfferID            string
	Since, Until       string // ISO dates of sending, inclusive
}

// ReferralPage is one page of referrals.
type ReferralPage struct {
	Referrals []referral.Referral
	PageInfo
}

// ReferralGroup is what referral statistics are grouped by.
type ReferralGroup string

const (
	GroupOffer    ReferralGroup = "OFFER"
	GroupProvider ReferralGroup = "PROVIDER"
	GroupDistrict ReferralGroup = "DISTRICT"
	GroupNeed     ReferralGroup = "NEED"
	GroupCategory ReferralGroup = "CATEGORY"
	// GroupFlow groups by sending and receiving organisation ("from|to"),
	// for the network report.
	GroupFlow ReferralGroup = "FLOW"
)

// ReferralGroups lists the groupings of the API (GroupFlow is internal).
var ReferralGroups = []ReferralGroup{GroupOffer, GroupProvider, GroupDistrict, GroupNeed, GroupCategory}

// ReferralCountQuery asks for the referrals of a municipality ("" = all)
// sent between Since and Until (ISO dates, inclusive; "" = open).
type ReferralCountQuery struct {
	Municipality string
	Since, Until string
	GroupBy      ReferralGroup
	// Reasons, when set, counts only referrals whose current reason is one of them.
	Reasons []referral.Reason
}

// ReferralCount is the number of referrals of one group in one status with
// one reason that were first answered after AnswerDays whole days (-1: not
// answered). Key is the offer, provider or district id, the need area, the
// category, or "from|to" for GroupFlow; "" for referrals without one (an
// offer without district).
type ReferralCount struct {
	Key        string
	Status     referral.Status
	Reason     referral.Reason
	AnswerDays int
	Count      int
}

// AnswerDays is the whole days from sending to the first answer, -1 when unanswered.
func AnswerDays(r referral.Referral) int {
	if r.FirstAnswerAt == nil {
		return -1
	}
	return int(r.FirstAnswerAt.Sub(r.CreatedAt) / (24 * time.Hour))
}

// ValidateReferrals checks a batch for PutReferrals, naming problems by index.
func ValidateReferrals(rs []referral.Referral) error {
	p := directory.NewProblems()
	seen := map[string]bool{}
	for i, r := range rs {
		var ve *directory.ValidationError
		if err := r.Validate(); errors.As(err, &ve) {
			for _, fe := range ve.Problems {
				p.Add(fmt.Sprintf("[%d].%s", i, fe.Field), "%s", fe.Message)
			}
		}
		if seen[r.ID] {
			p.Add(fmt.Sprintf("[%d].id", i), "%q is listed twice", r.ID)
		}
		seen[r.ID] = true
	}
	return p.Err()
}

// UpdatedReferral is the part of UpdateReferral every backend shares: given
// what it read for id inside its transaction, it runs update and checks the
// result, which the backend then stores.
func UpdatedReferral(found []referral.Referral, id string, update func(referral.Referral) (referral.Referral, error)) (referral.Referral, error) {
	if len(found) == 0 {
		return referral.Referral{}, &NotFound{Field: "id", Entity: "referral", ID: id}
	}
	r, err := update(found[0])
	if err != nil {
		return r, err
	}
	r.ID = id
	return r, r.Validate()
}
