package neo4j

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var (
	stReferralCheck  = load("referral_check")
	stReferralsPut   = load("referrals_put")
	stReferralLock   = load("referral_lock")
	stInboxCount     = load("referrals_inbox_count")
	stInboxPage      = load("referrals_inbox_page")
	stInboxPageBack  = load("referrals_inbox_page_backward")
	stOutboxCount    = load("referrals_outbox_count")
	stOutboxPage     = load("referrals_outbox_page")
	stOutboxPageBack = load("referrals_outbox_page_backward")
	stReferralsByID  = load("referrals_by_id")
	stReferralsCount = load("referrals_count")
	stReferralsPage  = load("referrals_page")
	stReferralCounts = load("referral_counts")
	// stReferralCountsMunicipality is stReferralCounts from the referral_stats index.
	stReferralCountsMunicipality = load("referral_counts_municipality")
	stReferralsErase             = load("referrals_erase")
)

func optTime(p props, k string, t *time.Time) {
	if t != nil {
		p[k] = store.TimeText(*t)
	}
}

// referralParams are the parameters of referral_upsert.cypher; consent and
// history are JSON text, read back exactly as written.
func referralParams(r referral.Referral) (map[string]any, error) {
	consent, err := json.Marshal(r.Consent)
	if err != nil {
		return nil, err
	}
	history, err := json.Marshal(r.History)
	if err != nil {
		return nil, err
	}
	p := props{
		"id": r.ID, "fromOrganisationId": r.FromOrganisationID, "toOrganisationId": r.ToOrganisationID,
		"offerId": r.OfferID, "category": string(r.Category), "needs": strings_(r.Needs),
		"consent": string(consent), "status": string(r.Status), "history": string(history),
		"sentOn": referral.Today(r.CreatedAt), "createdAt": store.TimeText(r.CreatedAt), "updatedAt": store.TimeText(r.UpdatedAt),
		"answerDays": int64(store.AnswerDays(r)),
	}
	p.str("caseRef", r.CaseRef)
	p.str("note", r.Note)
	p.str("districtId", r.DistrictID)
	p.str("municipality", r.Municipality)
	p.str("reason", string(r.Reason))
	optTime(p, "firstAnswerAt", r.FirstAnswerAt)
	optTime(p, "closedAt", r.ClosedAt)
	optTime(p, "erasedAt", r.ErasedAt)
	return map[string]any{"id": r.ID, "props": map[string]any(p)}, nil
}

// putReferrals writes referrals in UNWIND chunks inside tx; fields name
// problems by index when indexed.
func putReferrals(ctx context.Context, tx neo4j.ManagedTransaction, rs []referral.Referral, indexed bool) error {
	rows := make([]any, len(rs))
	at := map[string]int{}
	for i, r := range rs {
		row, err := referralParams(r)
		if err != nil {
			return err
		}
		rows[i] = row
		at[r.ID] = i
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stReferralsPut, rowsParam(chunk))
		if err != nil {
			return err
		}
		for _, rec := range recs {
			id, _ := get(rec, "id").(string)
			prefix := ""
			if indexed {
				prefix = fmt.Sprintf("[%d].", at[id])
			}
			r := rs[at[id]]
			if get(rec, "missingOffer") == true {
				return &store.NotFound{Field: prefix + "offerId", Entity: "offer", ID: r.OfferID}
			}
			return &store.NotFound{Field: prefix + "fromOrganisationId", Entity: "organisation", ID: r.FromOrganisationID}
		}
	}
	return nil
}

// PutReferrals inserts or replaces referrals in one transaction, in one
// attempt (as Import: lotse import --referrals loads 200,000 at NRW scale).
func (s *Store) PutReferrals(ctx context.Context, rs []referral.Referral) error {
	if len(rs) == 0 {
		return nil
	}
	if err := store.ValidateReferrals(rs); err != nil {
		return err
	}
	return s.writeOnce(ctx, s.importTimeout, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return putReferrals(ctx, tx, rs, true)
	})
}

func referralCheckParams(r referral.Referral) map[string]any {
	return map[string]any{"id": r.ID, "offerId": r.OfferID, "fromOrganisationId": r.FromOrganisationID}
}

func referralCountParams(q store.ReferralCountQuery) map[string]any {
	return map[string]any{"groupBy": string(q.GroupBy), "municipality": orNil(q.Municipality), "since": orNil(q.Since),
		"until": orNil(q.Until), "reasons": listOrNil(q.Reasons)}
}

func eraseParams(closedBefore, at time.Time) map[string]any {
	return map[string]any{"closedBefore": store.TimeText(closedBefore), "at": store.TimeText(at)}
}

func decodeReferral(r row) (referral.Referral, error) {
	out := referral.Referral{
		ID: r.str("id"), CaseRef: r.str("caseRef"), FromOrganisationID: r.str("fromOrganisationId"),
		ToOrganisationID: r.str("toOrganisationId"), OfferID: r.str("offerId"), DistrictID: r.str("districtId"),
		Municipality: r.str("municipality"), Category: directory.OfferCategory(r.str("category")),
		Needs: enums[directory.NeedArea](r.strs("needs")), Note: r.str("note"),
		Status: referral.Status(r.str("status")), Reason: referral.Reason(r.str("reason")),
	}
	if err := json.Unmarshal([]byte(r.str("consent")), &out.Consent); err != nil {
		return out, fmt.Errorf("referral %q consent: %w", out.ID, err)
	}
	if err := json.Unmarshal([]byte(r.str("history")), &out.History); err != nil {
		return out, fmt.Errorf("referral %q history: %w", out.ID, err)
	}
	var err error
	if out.CreatedAt, err = store.ParseTime(r.str("createdAt")); err != nil {
		return out, err
	}
	if out.UpdatedAt, err = store.ParseTime(r.str("updatedAt")); err != nil {
		return out, err
	}
	for k, dst := range map[string]**time.Time{"firstAnswerAt": &out.FirstAnswerAt, "closedAt": &out.ClosedAt, "erasedAt": &out.ErasedAt} {
		if s := r.str(k); s != "" {
			at, err := store.ParseTime(s)
			if err != nil {
				return out, err
			}
			*dst = &at
		}
	}
	return out, nil
}

// CreateReferral stores a new referral after checking its references.
func (s *Store) CreateReferral(ctx context.Context, r referral.Referral) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stReferralCheck, referralCheckParams(r))
		if err != nil {
			return err
		}
		switch {
		case get(rec, "taken") == true:
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("referral %q already exists", r.ID)}
		case get(rec, "offerExists") != true:
			return &store.NotFound{Field: "offerId", Entity: "offer", ID: r.OfferID}
		case get(rec, "organisationExists") != true:
			return &store.NotFound{Field: "fromOrganisationId", Entity: "organisation", ID: r.FromOrganisationID}
		}
		return putReferrals(ctx, tx, []referral.Referral{r}, false)
	})
}

func referralsByID(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) ([]referral.Referral, error) {
	recs, err := run(ctx, tx, stReferralsByID, idsParam(ids))
	if err != nil {
		return nil, err
	}
	return decodeReferrals(recs)
}

func decodeReferrals(recs []*neo4j.Record) ([]referral.Referral, error) {
	out := make([]referral.Referral, 0, len(recs))
	for _, rec := range recs {
		r, err := decodeReferral(asRow(rec, "referral"))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// UpdateReferral runs update on the stored referral in the write
// transaction. The driver may retry the transaction, so update may run more
// than once; it must be a pure function of old.
func (s *Store) UpdateReferral(ctx context.Context, id string, update func(referral.Referral) (referral.Referral, error)) (referral.Referral, error) {
	var out referral.Referral
	err := s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		// Locked first: a concurrent update waits instead of reading a stale status.
		old, err := lockedRead(ctx, tx, stReferralLock, stReferralsByID, id, decodeReferrals)
		if err != nil {
			return err
		}
		r, err := store.UpdatedReferral(old, id, update)
		if err != nil {
			return err
		}
		if err := putReferrals(ctx, tx, []referral.Referral{r}, false); err != nil {
			return err
		}
		out = r
		return nil
	})
	return out, err
}

// ReferralsByID returns the referrals that exist among ids.
func (s *Store) ReferralsByID(ctx context.Context, ids []string) ([]referral.Referral, error) {
	out := []referral.Referral{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		var err error
		out, err = referralsByID(ctx, tx, ids)
		return err
	})
	return out, err
}

func referralFilterParams(f store.ReferralFilter) map[string]any {
	return map[string]any{
		"fromOrganisationId": orNil(f.FromOrganisationID), "toOrganisationId": orNil(f.ToOrganisationID),
		"offerId": orNil(f.OfferID), "statuses": listOrNil(f.Status), "since": orNil(f.Since), "until": orNil(f.Until),
	}
}

// Referrals lists referrals matching f, newest first, one keyset page of
// store.OrderingReferrals; count and page are read in the same transaction.
func (s *Store) Referrals(ctx context.Context, f store.ReferralFilter, p store.Page) (store.ReferralPage, error) {
	w, err := p.Window(store.OrderingReferrals)
	if err != nil {
		return store.ReferralPage{}, err
	}
	// An inbox or outbox is found through its index, and paged in the
	// index's order by one statement per direction; other lists scan.
	countSt, pageSt := stReferralsCount, stReferralsPage
	switch {
	case f.ToOrganisationID != "" && w.Backward:
		countSt, pageSt = stInboxCount, stInboxPageBack
	case f.ToOrganisationID != "":
		countSt, pageSt = stInboxCount, stInboxPage
	case f.FromOrganisationID != "" && w.Backward:
		countSt, pageSt = stOutboxCount, stOutboxPageBack
	case f.FromOrganisationID != "":
		countSt, pageSt = stOutboxCount, stOutboxPage
	}
	var page store.ReferralPage
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		params := windowParams(referralFilterParams(f), w, "Created")
		rec, err := single(ctx, tx, countSt, params)
		if err != nil {
			return err
		}
		recs, err := run(ctx, tx, pageSt, params)
		if err != nil {
			return err
		}
		rows := make([]referral.Referral, 0, len(recs))
		for _, rec := range recs {
			r, err := decodeReferral(asRow(rec, "referral"))
			if err != nil {
				return err
			}
			rows = append(rows, r)
		}
		page = store.ReferralPageOf(w, rows, edges(rec))
		return nil
	})
	return page, err
}

// ReferralCounts counts referrals in one grouped query.
func (s *Store) ReferralCounts(ctx context.Context, q store.ReferralCountQuery) ([]store.ReferralCount, error) {
	var out []store.ReferralCount
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		st := stReferralCounts
		if q.Municipality != "" {
			st = stReferralCountsMunicipality
		}
		counts, err := collected(ctx, tx, st, referralCountParams(q), "counts")
		if err != nil {
			return err
		}
		out = make([]store.ReferralCount, 0, len(counts))
		for _, c := range counts {
			v, _ := c.([]any)
			if len(v) != 5 {
				return fmt.Errorf("neo4j: statement %s: a group of %d values, want 5", st.name, len(v))
			}
			key, _ := v[0].(string)
			status, _ := v[1].(string)
			reason, _ := v[2].(string)
			days, _ := v[3].(int64)
			n, _ := v[4].(int64)
			out = append(out, store.ReferralCount{Key: key, Status: referral.Status(status), Reason: referral.Reason(reason),
				AnswerDays: int(days), Count: int(n)})
		}
		slices.SortFunc(out, func(a, b store.ReferralCount) int {
			return cmp.Or(strings.Compare(a.Key, b.Key), strings.Compare(string(a.Status), string(b.Status)),
				strings.Compare(string(a.Reason), string(b.Reason)), cmp.Compare(a.AnswerDays, b.AnswerDays))
		})
		return nil
	})
	return out, err
}

// EraseReferrals erases case reference and note of referrals closed at or before closedBefore.
func (s *Store) EraseReferrals(ctx context.Context, closedBefore, at time.Time) (int, error) {
	var n int64
	err := s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stReferralsErase, eraseParams(closedBefore, at))
		if err != nil {
			return err
		}
		n, _ = get(rec, "erased").(int64)
		return nil
	})
	return int(n), err
}
