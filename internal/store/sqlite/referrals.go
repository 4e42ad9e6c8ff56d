package sqlite

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/store"
)

func nullTime(t *time.Time) any {
	if t == nil {
		return nil
	}
	return store.TimeText(*t)
}

// referralArgs are the named parameters of sql/referral_create.sql and sql/referral_update.sql.
func referralArgs(r referral.Referral) ([]any, error) {
	consent, err := json.Marshal(r.Consent)
	if err != nil {
		return nil, err
	}
	history, err := json.Marshal(r.History)
	if err != nil {
		return nil, err
	}
	return []any{
		sql.Named("id", r.ID), sql.Named("case_ref", r.CaseRef), sql.Named("from_org", r.FromOrganisationID),
		sql.Named("to_org", r.ToOrganisationID), sql.Named("offer_id", r.OfferID), sql.Named("district_id", r.DistrictID),
		sql.Named("municipality", r.Municipality), sql.Named("category", string(r.Category)),
		sql.Named("needs", jsonArray(r.Needs)), sql.Named("note", r.Note), sql.Named("consent", string(consent)),
		sql.Named("status", string(r.Status)), sql.Named("reason", string(r.Reason)), sql.Named("history", string(history)),
		sql.Named("sent_on", referral.Today(r.CreatedAt)), sql.Named("created_at", store.TimeText(r.CreatedAt)),
		sql.Named("updated_at", store.TimeText(r.UpdatedAt)), sql.Named("first_answer_at", nullTime(r.FirstAnswerAt)),
		sql.Named("answer_days", store.AnswerDays(r)), sql.Named("closed_at", nullTime(r.ClosedAt)),
		sql.Named("erased_at", nullTime(r.ErasedAt)),
	}, nil
}

// CreateReferral stores a new referral after checking its references.
func (s *Store) CreateReferral(ctx context.Context, r referral.Referral) error {
	if err := r.Validate(); err != nil {
		return err
	}
	args, err := referralArgs(r)
	if err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.mustExist(ctx, tx, "offerId", "offer", r.OfferID); err != nil {
			return err
		}
		if err := s.mustExist(ctx, tx, "fromOrganisationId", "organisation", r.FromOrganisationID); err != nil {
			return err
		}
		if _, err := exec(ctx, tx, stReferralCreate, args...); err != nil {
			return translate(err, "referral", r.ID)
		}
		return nil
	})
}

// PutReferrals inserts or replaces referrals in one transaction, checking
// that their offers and senders exist.
func (s *Store) PutReferrals(ctx context.Context, rs []referral.Referral) error {
	if len(rs) == 0 {
		return nil
	}
	if err := store.ValidateReferrals(rs); err != nil {
		return err
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, stReferralsPut.text)
		if err != nil {
			return err
		}
		defer stmt.Close()
		known := map[[2]string]bool{}
		for i, r := range rs {
			for _, ref := range [][3]string{{"offerId", "offer", r.OfferID}, {"fromOrganisationId", "organisation", r.FromOrganisationID}} {
				k := [2]string{ref[1], ref[2]}
				if !known[k] {
					if err := s.mustExist(ctx, tx, fmt.Sprintf("[%d].%s", i, ref[0]), ref[1], ref[2]); err != nil {
						return err
					}
					known[k] = true
				}
			}
			args, err := referralArgs(r)
			if err != nil {
				return err
			}
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return translate(err, "referral", r.ID)
			}
		}
		return nil
	})
}

// UpdateReferral runs update on the stored referral in the write transaction.
func (s *Store) UpdateReferral(ctx context.Context, id string, update func(referral.Referral) (referral.Referral, error)) (referral.Referral, error) {
	var out referral.Referral
	err := s.write(ctx, func(tx *sql.Tx) error {
		old, err := referralsByID(ctx, tx, []string{id})
		if err != nil {
			return err
		}
		r, err := store.UpdatedReferral(old, id, update)
		if err != nil {
			return err
		}
		args, err := referralArgs(r)
		if err != nil {
			return err
		}
		if _, err := exec(ctx, tx, stReferralUpdate, args...); err != nil {
			return translate(err, "referral", id)
		}
		out = r
		return nil
	})
	return out, err
}

// ReferralsByID returns the referrals that exist among ids.
func (s *Store) ReferralsByID(ctx context.Context, ids []string) ([]referral.Referral, error) {
	return referralsByID(ctx, s.r, ids)
}

func referralsByID(ctx context.Context, q queryer, ids []string) ([]referral.Referral, error) {
	out := []referral.Referral{}
	if len(ids) == 0 {
		return out, nil
	}
	err := eachRow(ctx, q, stReferralsByID, []any{sql.Named("ids", jsonArray(ids))}, func(r *sql.Rows) error {
		ref, err := scanReferral(r)
		out = append(out, ref)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("referrals by id: %w", err)
	}
	return out, nil
}

func scanReferral(sc rowScanner) (referral.Referral, error) {
	var (
		r                                 referral.Referral
		category, needs, consent, history string
		status, reason, created, updated  string
		firstAnswer, closed, erased       sql.NullString
	)
	if err := sc.Scan(&r.ID, &r.CaseRef, &r.FromOrganisationID, &r.ToOrganisationID, &r.OfferID, &r.DistrictID,
		&r.Municipality, &category, &needs, &r.Note, &consent, &status, &reason, &history, &created, &updated,
		&firstAnswer, &closed, &erased); err != nil {
		return r, err
	}
	r.Category, r.Status, r.Reason = directory.OfferCategory(category), referral.Status(status), referral.Reason(reason)
	var err error
	if r.Needs, err = decodeList[directory.NeedArea]("needs", needs, false); err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(consent), &r.Consent); err != nil {
		return r, fmt.Errorf("referral %q consent: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(history), &r.History); err != nil {
		return r, fmt.Errorf("referral %q history: %w", r.ID, err)
	}
	if r.CreatedAt, err = store.ParseTime(created); err != nil {
		return r, err
	}
	if r.UpdatedAt, err = store.ParseTime(updated); err != nil {
		return r, err
	}
	for _, t := range []struct {
		s   sql.NullString
		dst **time.Time
	}{{firstAnswer, &r.FirstAnswerAt}, {closed, &r.ClosedAt}, {erased, &r.ErasedAt}} {
		if t.s.Valid {
			at, err := store.ParseTime(t.s.String)
			if err != nil {
				return r, err
			}
			*t.dst = &at
		}
	}
	return r, nil
}

func referralFilterArgs(f store.ReferralFilter) []any {
	return []any{sql.Named("from_org", f.FromOrganisationID), sql.Named("to_org", f.ToOrganisationID),
		sql.Named("offer_id", f.OfferID), sql.Named("statuses", filterList(f.Status)),
		sql.Named("since", f.Since), sql.Named("until", f.Until)}
}

// Referrals lists referrals matching f, newest first, one keyset page of
// store.OrderingReferrals; count and page are read in one transaction, so
// that they agree.
func (s *Store) Referrals(ctx context.Context, f store.ReferralFilter, p store.Page) (store.ReferralPage, error) {
	w, err := p.Window(store.OrderingReferrals)
	if err != nil {
		return store.ReferralPage{}, err
	}
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return store.ReferralPage{}, fmt.Errorf("referrals: %w", err)
	}
	defer tx.Rollback()
	win := windowArgs(w, true)
	args := append(referralFilterArgs(f), win[0])
	// An inbox or outbox is read by range from its index; other lists scan.
	countSt, listSt := stReferralsCount, stReferralsPage
	switch {
	case f.ToOrganisationID != "":
		countSt, listSt = stReferralsInboxCount, stReferralsInboxPage
	case f.FromOrganisationID != "":
		countSt, listSt = stReferralsOutboxCount, stReferralsOutboxPage
	}
	var edges store.Edges
	if err := queryRow(ctx, tx, countSt, args...).Scan(&edges.Total, &edges.UpToAfter, &edges.FromBefore); err != nil {
		return store.ReferralPage{}, fmt.Errorf("referrals: %w", err)
	}
	var rows []referral.Referral
	err = eachRow(ctx, tx, listSt, append(args, sql.Named("limit", w.Fetch()), win[1]), func(r *sql.Rows) error {
		ref, err := scanReferral(r)
		rows = append(rows, ref)
		return err
	})
	if err != nil {
		return store.ReferralPage{}, fmt.Errorf("referrals: %w", err)
	}
	return store.ReferralPageOf(w, rows, edges), nil
}

// ReferralCounts counts referrals in one grouped query.
func (s *Store) ReferralCounts(ctx context.Context, q store.ReferralCountQuery) ([]store.ReferralCount, error) {
	out := []store.ReferralCount{}
	// Two statements, so that one municipality is read by range from the index.
	query := stReferralCounts
	if q.Municipality != "" {
		query = stReferralCountsMunicipality
	}
	err := eachRow(ctx, s.r, query, []any{sql.Named("group_by", string(q.GroupBy)),
		sql.Named("municipality", q.Municipality), sql.Named("since", q.Since), sql.Named("until", q.Until),
		sql.Named("reasons", filterList(q.Reasons))}, func(r *sql.Rows) error {
		var c store.ReferralCount
		if err := r.Scan(&c.Key, &c.Status, &c.Reason, &c.AnswerDays, &c.Count); err != nil {
			return err
		}
		out = append(out, c)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("referral counts: %w", err)
	}
	return out, nil
}

// EraseReferrals erases case reference and note of referrals closed at or before closedBefore.
func (s *Store) EraseReferrals(ctx context.Context, closedBefore, at time.Time) (int, error) {
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := exec(ctx, tx, stReferralsErase, sql.Named("closed_before", store.TimeText(closedBefore)), sql.Named("at", store.TimeText(at)))
		if err != nil {
			return fmt.Errorf("erase referrals: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return int(n), err
}
