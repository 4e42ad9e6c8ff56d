package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Import upserts a whole snapshot in one transaction: all of it or nothing.
// References are checked against the database as it stands after the
// import, so a snapshot may refer to stored records.
func (s *Store) Import(ctx context.Context, snap directory.Snapshot) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		// Parents may come after their parts; references are checked at the end.
		if _, err := exec(ctx, tx, stImportDeferForeignKeys); err != nil {
			return fmt.Errorf("import: %w", err)
		}
		for _, d := range snap.Districts {
			if err := putDistrict(ctx, tx, d); err != nil {
				return err
			}
		}
		for _, w := range snap.WorkingGroups {
			if err := putWorkingGroup(ctx, tx, w); err != nil {
				return err
			}
		}
		for _, o := range snap.Organisations {
			if err := putOrganisation(ctx, tx, o); err != nil {
				return err
			}
		}
		var st offerStmts
		for _, x := range []struct {
			p    **sql.Stmt
			text string
		}{{&st.upsert, stOfferUpsert.text}, {&st.clearLangs, stOfferLanguagesClear.text}, {&st.setLangs, stOfferLanguagesSet.text}} {
			stmt, err := tx.PrepareContext(ctx, x.text)
			if err != nil {
				return fmt.Errorf("import: %w", err)
			}
			defer stmt.Close()
			*x.p = stmt
		}
		for _, o := range snap.Offers {
			if err := putOffer(ctx, tx, &st, o); err != nil {
				return err
			}
		}
		for _, c := range snap.Cooperations {
			if err := putCooperation(ctx, tx, c.Normalized()); err != nil {
				return err
			}
		}
		for _, u := range snap.UnmetNeeds {
			if _, err := exec(ctx, tx, stUnmetNeedUpsert, sql.Named("id", u.ID), sql.Named("need", string(u.Need)),
				sql.Named("district_id", u.DistrictID), sql.Named("language", u.Language),
				sql.Named("target_group", string(u.TargetGroup)), sql.Named("recorded_on", u.RecordedOn)); err != nil {
				return translate(err, "unmet need", u.ID)
			}
		}
		var entity, id, field, refEntity, ref string
		err := queryRow(ctx, tx, stImportDangling).Scan(&entity, &id, &field, &refEntity, &ref)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return nil
		case err != nil:
			return fmt.Errorf("import: %w", err)
		}
		return fmt.Errorf("import: %s %q: %w", entity, id, &store.NotFound{Field: field, Entity: refEntity, ID: ref})
	})
}

// Export returns everything, each list ordered by id (cooperations by A, B).
func (s *Store) Export(ctx context.Context) (directory.Snapshot, error) {
	// One read transaction, so that the lists are one consistent state.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return directory.Snapshot{}, fmt.Errorf("export: %w", err)
	}
	defer tx.Rollback()
	snap := directory.Snapshot{Format: directory.SnapshotFormat}
	if snap.Districts, err = s.districts(ctx, tx, nil, nil, true); err != nil {
		return snap, err
	}
	if snap.WorkingGroups, err = s.workingGroups(ctx, tx, nil); err != nil {
		return snap, err
	}
	orgs, err := s.organisations(ctx, tx, orgQuery{byID: true, limit: -1})
	if err != nil {
		return snap, err
	}
	snap.Organisations = orgs.Organisations
	if snap.Offers, err = s.offers(ctx, tx, nil, nil); err != nil {
		return snap, err
	}
	if snap.Cooperations, err = s.cooperations(ctx, tx, nil); err != nil {
		return snap, err
	}
	rows, err := query(ctx, tx, stExportUnmetNeeds)
	if err != nil {
		return snap, fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	snap.UnmetNeeds = []directory.UnmetNeed{}
	for rows.Next() {
		var u directory.UnmetNeed
		var need, group string
		if err := rows.Scan(&u.ID, &need, &u.DistrictID, &u.Language, &group, &u.RecordedOn); err != nil {
			return snap, fmt.Errorf("export: %w", err)
		}
		u.Need, u.TargetGroup = directory.NeedArea(need), directory.TargetGroup(group)
		snap.UnmetNeeds = append(snap.UnmetNeeds, u)
	}
	if err := rows.Err(); err != nil {
		return snap, fmt.Errorf("export: %w", err)
	}
	return snap, nil
}

// Counts says how much is stored.
func (s *Store) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	if err := queryRow(ctx, s.r, stCounts).Scan(&c.Districts, &c.WorkingGroups, &c.Organisations,
		&c.Offers, &c.Cooperations, &c.UnmetNeeds); err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}
