package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// CreateOffer stores a new offer; a taken id is a *Conflict on "id".
func (s *Store) CreateOffer(ctx context.Context, o directory.Offer) error {
	return s.write(ctx, logged(ctx, store.ChangeOffers, []string{o.ID}, func(tx *sql.Tx) error {
		ok, err := s.exists(ctx, tx, "offer", o.ID)
		if err != nil {
			return err
		}
		if ok {
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("offer %q already exists", o.ID)}
		}
		if err := s.checkOfferRefs(ctx, tx, o); err != nil {
			return err
		}
		return putOffer(ctx, tx, nil, o)
	}))
}

// UpdateOffer reads, patches and writes an offer in one transaction, as
// UpdateOrganisation does.
func (s *Store) UpdateOffer(ctx context.Context, id string, update func(*directory.Offer) error) error {
	return s.write(ctx, logged(ctx, store.ChangeOffers, []string{id}, func(tx *sql.Tx) error {
		read := func() ([]directory.Offer, error) { return s.offers(ctx, tx, jsonArray([]string{id}), nil) }
		return store.Patch("offer", id, read, update, func(o directory.Offer) error {
			if err := s.checkOfferRefs(ctx, tx, o); err != nil {
				return err
			}
			return putOffer(ctx, tx, nil, o)
		})
	}))
}

func (s *Store) checkOfferRefs(ctx context.Context, tx *sql.Tx, o directory.Offer) error {
	if err := s.mustExist(ctx, tx, "providerId", "organisation", o.ProviderID); err != nil {
		return err
	}
	return s.mustExist(ctx, tx, "districtId", "district", o.DistrictID)
}

// offerStmts are the prepared statements of a bulk write; nil: unprepared.
type offerStmts struct{ upsert, clearLangs, setLangs *sql.Stmt }

// offerArgs is the one place where an offer becomes a row, derived columns included.
func offerArgs(o directory.Offer) []any {
	lat, lon := pointArgs(o.Location)
	return []any{
		sql.Named("id", o.ID), sql.Named("provider_id", o.ProviderID), sql.Named("title", o.Title),
		sql.Named("description", o.Description), sql.Named("category", string(o.Category)),
		sql.Named("course_type", string(o.CourseType)), sql.Named("needs", jsonArray(o.Needs)),
		sql.Named("target_groups", jsonArray(o.TargetGroups)), sql.Named("languages", jsonArray(o.Languages)),
		sql.Named("legal_circuits", jsonArray(o.LegalCircuits)),
		sql.Named("needs_mask", mask(directory.NeedAreas, o.Needs)),
		sql.Named("target_groups_mask", mask(directory.TargetGroups, o.TargetGroups)),
		sql.Named("legal_circuits_mask", mask(directory.LegalCircuits, o.LegalCircuits)),
		sql.Named("childcare", boolInt(o.Childcare)), sql.Named("cost", string(o.Cost)),
		sql.Named("capacity", nullInt(o.Capacity)), sql.Named("free_places", nullInt(o.FreePlaces)),
		sql.Named("schedule", o.Schedule), sql.Named("age_min", nullInt(o.AgeMin)), sql.Named("age_max", nullInt(o.AgeMax)),
		sql.Named("funding", string(o.Funding)), sql.Named("status", string(o.Status)),
		sql.Named("digital", boolInt(o.Digital)), sql.Named("address", o.Address), sql.Named("lat", lat), sql.Named("lon", lon),
		sql.Named("district_id", nullString(o.DistrictID)), sql.Named("contact", o.Contact),
		sql.Named("visibility", string(o.Visibility)), sql.Named("confidential_address", boolInt(o.ConfidentialAddress)),
		sql.Named("updated_at", store.TimeText(o.UpdatedAt)), sql.Named("search_text", directory.Fold(o.Title+" "+o.Description)),
	}
}

// putOffer upserts an offer and its language rows, with prepared statements when st is given.
func putOffer(ctx context.Context, tx *sql.Tx, st *offerStmts, o directory.Offer) error {
	var rid int64
	var err error
	if st != nil {
		err = st.upsert.QueryRowContext(ctx, offerArgs(o)...).Scan(&rid)
	} else {
		err = queryRow(ctx, tx, stOfferUpsert, offerArgs(o)...).Scan(&rid)
	}
	if err != nil {
		return translate(err, "offer", o.ID)
	}
	if st != nil {
		_, err = st.clearLangs.ExecContext(ctx, sql.Named("rid", rid))
	} else {
		_, err = exec(ctx, tx, stOfferLanguagesClear, sql.Named("rid", rid))
	}
	if err != nil {
		return translate(err, "offer", o.ID)
	}
	langs := []any{sql.Named("rid", rid), sql.Named("languages", jsonArray(o.Languages))}
	if st != nil {
		_, err = st.setLangs.ExecContext(ctx, langs...)
	} else {
		_, err = exec(ctx, tx, stOfferLanguagesSet, langs...)
	}
	return translate(err, "offer", o.ID)
}

// DeleteOffer removes an offer; an unknown id is a *NotFound.
func (s *Store) DeleteOffer(ctx context.Context, id string) error {
	return s.write(ctx, logged(ctx, store.ChangeOffers, []string{id}, func(tx *sql.Tx) error {
		res, err := exec(ctx, tx, stOfferDelete, sql.Named("id", id))
		if err != nil {
			return translate(err, "offer", id)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("offer %q: %w", id, err)
		} else if n == 0 {
			return &store.NotFound{Entity: "offer", ID: id}
		}
		return nil
	}))
}

// OffersByID returns the offers that exist among ids, by id.
func (s *Store) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	if len(ids) == 0 {
		return []directory.Offer{}, nil
	}
	return s.offers(ctx, s.r, jsonArray(ids), nil)
}

// OffersByProvider returns every offer of the given providers, by title then id.
func (s *Store) OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error) {
	if len(providerIDs) == 0 {
		return []directory.Offer{}, nil
	}
	return s.offers(ctx, s.r, nil, jsonArray(providerIDs))
}

// OffersAfter returns up to limit offers with ids after after, by id.
func (s *Store) OffersAfter(ctx context.Context, after string, limit int) ([]directory.Offer, error) {
	return s.offers(ctx, s.r, nil, nil, sql.Named("after", after), sql.Named("limit", limit))
}

// offers reads offers by ids, by providerIDs, after an id (args: :after and
// :limit) or, with none of them, all of them.
func (s *Store) offers(ctx context.Context, q queryer, ids, providerIDs any, after ...any) ([]directory.Offer, error) {
	// One statement per access path: an "(:ids IS NULL OR …)" filter would
	// hide the index from SQLite's planner and scan the whole table.
	var rows *sql.Rows
	var err error
	switch {
	case after != nil:
		rows, err = query(ctx, q, stOffersAfter, after...)
	case ids != nil:
		rows, err = query(ctx, q, stOffersByID, sql.Named("ids", ids))
	case providerIDs != nil:
		rows, err = query(ctx, q, stOffersByProvider, sql.Named("provider_ids", providerIDs))
	default:
		rows, err = query(ctx, q, stExportOffers)
	}
	if err != nil {
		return nil, fmt.Errorf("offers: %w", err)
	}
	defer rows.Close()
	out := []directory.Offer{}
	for rows.Next() {
		o, err := scanOffer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("offers: %w", err)
	}
	return out, nil
}

// scanOffer reads the offer columns in the order of sql/export_offers.sql (id,
// provider_id, … , updated_at), then any extra columns into extra.
func scanOffer(sc rowScanner, extra ...any) (directory.Offer, error) {
	var o directory.Offer
	var category, courseType, needs, groups, langs, circuits, cost, funding, status, updated, visibility string
	var capacity, free, ageMin, ageMax sql.NullInt64
	var lat, lon sql.NullFloat64
	var district sql.NullString
	dest := []any{&o.ID, &o.ProviderID, &o.Title, &o.Description, &category, &courseType, &needs, &groups,
		&langs, &circuits, &o.Childcare, &cost, &capacity, &free, &o.Schedule, &ageMin,
		&ageMax, &funding, &status, &o.Digital, &o.Address, &lat, &lon, &district, &o.Contact, &updated,
		&visibility, &o.ConfidentialAddress}
	if err := sc.Scan(append(dest, extra...)...); err != nil {
		return o, fmt.Errorf("offers: %w", err)
	}
	o.Category, o.CourseType, o.Cost = directory.OfferCategory(category), directory.CourseType(courseType), directory.Cost(cost)
	o.Funding, o.Status, o.Visibility = directory.Funding(funding), directory.OfferStatus(status), directory.Visibility(visibility)
	o.Capacity, o.FreePlaces, o.AgeMin, o.AgeMax = scanIntPtr(capacity), scanIntPtr(free), scanIntPtr(ageMin), scanIntPtr(ageMax)
	o.Location = scanPoint(lat, lon)
	o.DistrictID = district.String
	var err error
	if o.UpdatedAt, err = store.ParseTime(updated); err != nil {
		return o, err
	}
	if o.Needs, err = decodeList[directory.NeedArea]("needs", needs, true); err != nil {
		return o, err
	}
	if o.TargetGroups, err = decodeList[directory.TargetGroup]("targetGroups", groups, true); err != nil {
		return o, err
	}
	if o.Languages, err = decodeList[string]("languages", langs, true); err != nil {
		return o, err
	}
	if o.LegalCircuits, err = decodeList[directory.LegalCircuit]("legalCircuits", circuits, false); err != nil {
		return o, err
	}
	return o, nil
}
