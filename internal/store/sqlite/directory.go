package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// lotse_distance_km gives SQL exactly directory.DistanceKm, so that radius
// filters and reported distances agree with the domain to the last bit.
func init() {
	msqlite.MustRegisterDeterministicScalarFunction("lotse_distance_km", 4,
		func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			var v [4]float64
			for i, a := range args {
				switch x := a.(type) {
				case float64:
					v[i] = x
				case int64:
					v[i] = float64(x)
				default:
					return nil, nil // a missing position has no distance
				}
			}
			return directory.DistanceKm(directory.GeoPoint{Lat: v[0], Lon: v[1]}, directory.GeoPoint{Lat: v[2], Lon: v[3]}), nil
		})
}

// queryer is what both *sql.DB and *sql.Tx offer for reads.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ---- parameter helpers ----

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// jsonArray encodes a list as a JSON array; nil becomes [].
func jsonArray[T any](l []T) string {
	if len(l) == 0 {
		return "[]"
	}
	b, err := json.Marshal(l)
	if err != nil {
		panic(err) // lists of strings always marshal
	}
	return string(b)
}

// filterList is a list parameter of a filter: NULL when empty (no filter).
func filterList[T any](l []T) any {
	if len(l) == 0 {
		return nil
	}
	return jsonArray(l)
}

// mask sets bit i for every value at position i of vocab; the vocabularies
// of package directory are append-only, so stored masks stay valid.
func mask[T comparable](vocab, values []T) int64 {
	var m int64
	for _, v := range values {
		for i, w := range vocab {
			if v == w {
				m |= 1 << i
			}
		}
	}
	return m
}

func pointArgs(p *directory.GeoPoint) (lat, lon any) {
	if p == nil {
		return nil, nil
	}
	return p.Lat, p.Lon
}

func scanPoint(lat, lon sql.NullFloat64) *directory.GeoPoint {
	if !lat.Valid || !lon.Valid {
		return nil
	}
	return &directory.GeoPoint{Lat: lat.Float64, Lon: lon.Float64}
}

func scanIntPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// decodeList reads a stored JSON array; empty stays nil unless keepEmpty.
func decodeList[T ~string](field, s string, keepEmpty bool) ([]T, error) {
	l, ok := splitCodes[T](s)
	if !ok {
		if err := json.Unmarshal([]byte(s), &l); err != nil {
			return nil, fmt.Errorf("stored %s %q: %w", field, s, err)
		}
	}
	if len(l) == 0 {
		if keepEmpty {
			return []T{}, nil
		}
		return nil, nil
	}
	return l, nil
}

// splitCodes reads a JSON array of plain strings (vocabulary and language
// codes: no escapes, no spaces) without encoding/json, which costs most of
// the time of reading a page of offers; anything else is left to json.
func splitCodes[T ~string](s string) ([]T, bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' || strings.ContainsAny(s, "\\ ") {
		return nil, false
	}
	body := s[1 : len(s)-1]
	if body == "" {
		return nil, true
	}
	parts := strings.Split(body, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		if len(p) < 2 || p[0] != '"' || p[len(p)-1] != '"' || strings.Contains(p[1:len(p)-1], `"`) {
			return nil, false
		}
		out[i] = T(p[1 : len(p)-1])
	}
	return out, true
}

// ---- errors ----

func sqliteCode(err error) int {
	var se *msqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// translate turns constraint failures the explicit checks did not catch
// (a race cannot happen with one writer, but a bug could) into store errors
// without SQL text.
func translate(err error, entity, id string) error {
	if err == nil {
		return nil
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return &store.Conflict{Field: "id", Reason: fmt.Sprintf("%s %q already exists", entity, id)}
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return fmt.Errorf("%s %q refers to a record that does not exist: %w", entity, id, store.ErrNotFound)
	}
	return fmt.Errorf("%s %q: %w", entity, id, err)
}

func (s *Store) exists(ctx context.Context, q queryer, entity, id string) (bool, error) {
	var ok bool
	if err := queryRow(ctx, q, stExists, sql.Named("entity", entity), sql.Named("id", id), sql.Named("other", nil)).Scan(&ok); err != nil {
		return false, fmt.Errorf("look up %s %q: %w", entity, id, err)
	}
	return ok, nil
}

// mustExist returns a *NotFound on field unless the referenced record exists.
func (s *Store) mustExist(ctx context.Context, q queryer, field, entity, id string) error {
	if id == "" {
		return nil
	}
	ok, err := s.exists(ctx, q, entity, id)
	if err != nil {
		return err
	}
	if !ok {
		return &store.NotFound{Field: field, Entity: entity, ID: id}
	}
	return nil
}

// ---- districts and working groups ----

// PutDistricts inserts or replaces districts by id.
func (s *Store) PutDistricts(ctx context.Context, ds []directory.District) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, d := range ds {
			if err := putDistrict(ctx, tx, d); err != nil {
				return err
			}
		}
		return nil
	})
}

func putDistrict(ctx context.Context, tx *sql.Tx, d directory.District) error {
	lat, lon := pointArgs(d.Centre)
	boundary, err := d.Boundary.GeoJSON()
	if err != nil {
		return fmt.Errorf("district %s: boundary: %w", d.ID, err)
	}
	_, err = exec(ctx, tx, stDistrictUpsert, sql.Named("id", d.ID), sql.Named("name", d.Name),
		sql.Named("municipality", d.Municipality), sql.Named("population", d.Population),
		sql.Named("centre_lat", lat), sql.Named("centre_lon", lon), sql.Named("radius_km", d.RadiusKm),
		sql.Named("boundary", nullString(boundary)))
	return translate(err, "district", d.ID)
}

// Districts lists the districts of a municipality ("" = all), by municipality then name.
func (s *Store) Districts(ctx context.Context, municipality string) ([]directory.District, error) {
	return s.districts(ctx, s.r, nullString(municipality), nil, false)
}

// DistrictsByID returns the districts that exist among ids, by id.
func (s *Store) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	if len(ids) == 0 {
		return []directory.District{}, nil
	}
	return s.districts(ctx, s.r, nil, jsonArray(ids), true)
}

func (s *Store) districts(ctx context.Context, q queryer, municipality, ids any, byID bool) ([]directory.District, error) {
	rows, err := query(ctx, q, stDistricts, sql.Named("municipality", municipality), sql.Named("ids", ids), sql.Named("by_id", byID))
	if err != nil {
		return nil, fmt.Errorf("districts: %w", err)
	}
	defer rows.Close()
	out := []directory.District{}
	for rows.Next() {
		var d directory.District
		var lat, lon sql.NullFloat64
		var boundary sql.NullString
		if err := rows.Scan(&d.ID, &d.Name, &d.Municipality, &d.Population, &lat, &lon, &d.RadiusKm, &boundary); err != nil {
			return nil, fmt.Errorf("districts: %w", err)
		}
		d.Centre = scanPoint(lat, lon)
		if d.Boundary, err = directory.ParseBoundary(boundary.String); err != nil {
			return nil, fmt.Errorf("district %s: stored boundary: %w", d.ID, err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("districts: %w", err)
	}
	return out, nil
}

// PutWorkingGroups inserts or replaces working groups by id.
func (s *Store) PutWorkingGroups(ctx context.Context, ws []directory.WorkingGroup) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, w := range ws {
			if err := putWorkingGroup(ctx, tx, w); err != nil {
				return err
			}
		}
		return nil
	})
}

func putWorkingGroup(ctx context.Context, tx *sql.Tx, w directory.WorkingGroup) error {
	_, err := exec(ctx, tx, stWorkingGroupUpsert, sql.Named("id", w.ID), sql.Named("name", w.Name),
		sql.Named("municipality", w.Municipality), sql.Named("description", w.Description))
	return translate(err, "working group", w.ID)
}

// WorkingGroupsByID returns the working groups that exist among ids, by id.
func (s *Store) WorkingGroupsByID(ctx context.Context, ids []string) ([]directory.WorkingGroup, error) {
	if len(ids) == 0 {
		return []directory.WorkingGroup{}, nil
	}
	return s.workingGroups(ctx, s.r, jsonArray(ids))
}

func (s *Store) workingGroups(ctx context.Context, q queryer, ids any) ([]directory.WorkingGroup, error) {
	rows, err := query(ctx, q, stWorkingGroupsByID, sql.Named("ids", ids))
	if err != nil {
		return nil, fmt.Errorf("working groups: %w", err)
	}
	defer rows.Close()
	out := []directory.WorkingGroup{}
	for rows.Next() {
		var w directory.WorkingGroup
		if err := rows.Scan(&w.ID, &w.Name, &w.Municipality, &w.Description); err != nil {
			return nil, fmt.Errorf("working groups: %w", err)
		}
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("working groups: %w", err)
	}
	return out, nil
}

// ---- organisations ----

// CreateOrganisation stores a new organisation; a taken id is a *Conflict on "id".
func (s *Store) CreateOrganisation(ctx context.Context, o directory.Organisation) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		ok, err := s.exists(ctx, tx, "organisation", o.ID)
		if err != nil {
			return err
		}
		if ok {
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("organisation %q already exists", o.ID)}
		}
		if err := s.checkOrganisationRefs(ctx, tx, o); err != nil {
			return err
		}
		return putOrganisation(ctx, tx, o)
	})
}

// UpdateOrganisation reads, patches and writes an organisation in one
// transaction of the single writer connection, so concurrent patches
// serialize.
func (s *Store) UpdateOrganisation(ctx context.Context, id string, update func(*directory.Organisation) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		read := func() ([]directory.Organisation, error) {
			page, err := s.organisations(ctx, tx, orgQuery{ids: jsonArray([]string{id}), byID: true, limit: -1})
			return page.Organisations, err
		}
		return store.Patch("organisation", id, read, update, func(o directory.Organisation) error {
			if err := s.checkOrganisationRefs(ctx, tx, o); err != nil {
				return err
			}
			return putOrganisation(ctx, tx, o)
		})
	})
}

func (s *Store) checkOrganisationRefs(ctx context.Context, tx *sql.Tx, o directory.Organisation) error {
	if err := s.mustExist(ctx, tx, "parentId", "organisation", o.ParentID); err != nil {
		return err
	}
	if err := s.mustExist(ctx, tx, "districtId", "district", o.DistrictID); err != nil {
		return err
	}
	for i, g := range o.WorkingGroupIDs {
		if err := s.mustExist(ctx, tx, fmt.Sprintf("workingGroupIds[%d]", i), "working group", g); err != nil {
			return err
		}
	}
	return nil
}

func putOrganisation(ctx context.Context, tx *sql.Tx, o directory.Organisation) error {
	lat, lon := pointArgs(o.Location)
	_, err := exec(ctx, tx, stOrganisationUpsert, sql.Named("id", o.ID), sql.Named("name", o.Name),
		sql.Named("kind", string(o.Kind)), sql.Named("description", o.Description),
		sql.Named("parent_id", nullString(o.ParentID)), sql.Named("district_id", nullString(o.DistrictID)),
		sql.Named("municipality", o.Municipality), sql.Named("address", o.Address),
		sql.Named("lat", lat), sql.Named("lon", lon), sql.Named("website", o.Website),
		sql.Named("email", o.Email), sql.Named("phone", o.Phone), sql.Named("updated_at", store.TimeText(o.UpdatedAt)),
		sql.Named("confidential_address", boolInt(o.ConfidentialAddress)),
		sql.Named("search_text", directory.Fold(o.Name+" "+o.Description)))
	if err != nil {
		return translate(err, "organisation", o.ID)
	}
	if _, err := exec(ctx, tx, stOrganisationGroupsClear, sql.Named("id", o.ID)); err != nil {
		return translate(err, "organisation", o.ID)
	}
	for _, g := range o.WorkingGroupIDs {
		if _, err := exec(ctx, tx, stOrganisationGroupInsert, sql.Named("id", o.ID), sql.Named("group", g)); err != nil {
			return translate(err, "organisation", o.ID)
		}
	}
	return nil
}

// DeleteOrganisation removes an organisation, its memberships and its
// cooperations; it is a *Conflict while it provides offers or has parts.
func (s *Store) DeleteOrganisation(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.mustExist(ctx, tx, "", "organisation", id); err != nil {
			return err
		}
		var offers, parts int
		if err := queryRow(ctx, tx, stOrganisationDependents, sql.Named("id", id)).Scan(&offers, &parts); err != nil {
			return fmt.Errorf("organisation %q: %w", id, err)
		}
		switch {
		case offers > 0:
			return &store.Conflict{Field: "id", Reason: "organisation still provides " + count(offers, "offer", "offers")}
		case parts > 0:
			return &store.Conflict{Field: "id", Reason: "organisation still has " + count(parts, "part", "parts")}
		}
		if _, err := exec(ctx, tx, stOrganisationCooperationsDelete, sql.Named("id", id)); err != nil {
			return translate(err, "organisation", id)
		}
		if _, err := exec(ctx, tx, stOrganisationGroupsClear, sql.Named("id", id)); err != nil {
			return translate(err, "organisation", id)
		}
		if _, err := exec(ctx, tx, stOrganisationTokensRevoke, sql.Named("id", id), sql.Named("at", store.TimeText(time.Now()))); err != nil {
			return translate(err, "organisation", id)
		}
		_, err := exec(ctx, tx, stOrganisationDelete, sql.Named("id", id))
		return translate(err, "organisation", id)
	})
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// OrganisationsByID returns the organisations that exist among ids, by id.
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	if len(ids) == 0 {
		return []directory.Organisation{}, nil
	}
	page, err := s.organisations(ctx, s.r, orgQuery{ids: jsonArray(ids), byID: true, limit: -1})
	return page.Organisations, err
}

// Organisations lists organisations matching f, ordered by name then id.
func (s *Store) Organisations(ctx context.Context, f store.OrganisationFilter, p store.Page) (store.OrganisationPage, error) {
	offset, limit, err := p.Window()
	if err != nil {
		return store.OrganisationPage{}, err
	}
	var terms any
	if t := directory.SearchTerms(f.Text); len(t) > 0 {
		terms = jsonArray(t)
	}
	q := orgQuery{
		kinds: filterList(f.Kinds), districtIDs: filterList(f.DistrictIDs), municipality: nullString(f.Municipality),
		workingGroupID: nullString(f.WorkingGroupID), parentID: nullString(f.ParentID), terms: terms,
		offset: offset, limit: limit,
	}
	page, err := s.organisations(ctx, s.r, q)
	if err != nil {
		return page, err
	}
	if len(page.Organisations) == 0 && (offset > 0 || limit == 0) {
		// Past the end (or an empty page): the window count has no row to ride on.
		q.offset, q.limit = 0, 1
		first, err := s.organisations(ctx, s.r, q)
		if err != nil {
			return page, err
		}
		page.TotalCount = first.TotalCount
	}
	page.Offset = offset
	page.HasNextPage = offset+len(page.Organisations) < page.TotalCount
	return page, nil
}

type orgQuery struct {
	ids, kinds, districtIDs, municipality, workingGroupID, parentID, terms any
	byID                                                                   bool
	offset, limit                                                          int
}

func (s *Store) organisations(ctx context.Context, q queryer, oq orgQuery) (store.OrganisationPage, error) {
	var rows *sql.Rows
	var err error
	if oq.ids != nil { // the primary key, not a scan (see offers)
		rows, err = query(ctx, q, stOrganisationsByID, sql.Named("ids", oq.ids))
	} else {
		rows, err = query(ctx, q, stOrganisationsPage, sql.Named("kinds", oq.kinds),
			sql.Named("district_ids", oq.districtIDs), sql.Named("municipality", oq.municipality),
			sql.Named("working_group_id", oq.workingGroupID), sql.Named("parent_id", oq.parentID),
			sql.Named("terms", oq.terms), sql.Named("by_id", oq.byID),
			sql.Named("limit", oq.limit), sql.Named("offset", oq.offset))
	}
	if err != nil {
		return store.OrganisationPage{}, fmt.Errorf("organisations: %w", err)
	}
	defer rows.Close()
	page := store.OrganisationPage{Organisations: []directory.Organisation{}}
	for rows.Next() {
		var o directory.Organisation
		var kind, updated, groups string
		var parent, district sql.NullString
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&o.ID, &o.Name, &kind, &o.Description, &parent, &district, &o.Municipality, &o.Address,
			&lat, &lon, &o.Website, &o.Email, &o.Phone, &updated, &o.ConfidentialAddress, &groups, &page.TotalCount); err != nil {
			return page, fmt.Errorf("organisations: %w", err)
		}
		o.Kind = directory.OrganisationKind(kind)
		o.ParentID, o.DistrictID = parent.String, district.String
		o.Location = scanPoint(lat, lon)
		if o.UpdatedAt, err = store.ParseTime(updated); err != nil {
			return page, err
		}
		if o.WorkingGroupIDs, err = decodeList[string]("workingGroupIds", groups, false); err != nil {
			return page, err
		}
		page.Organisations = append(page.Organisations, o)
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("organisations: %w", err)
	}
	return page, nil
}

// ---- offers ----

// CreateOffer stores a new offer; a taken id is a *Conflict on "id".
func (s *Store) CreateOffer(ctx context.Context, o directory.Offer) error {
	return s.write(ctx, func(tx *sql.Tx) error {
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
	})
}

// UpdateOffer reads, patches and writes an offer in one transaction, as
// UpdateOrganisation does.
func (s *Store) UpdateOffer(ctx context.Context, id string, update func(*directory.Offer) error) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		read := func() ([]directory.Offer, error) { return s.offers(ctx, tx, jsonArray([]string{id}), nil) }
		return store.Patch("offer", id, read, update, func(o directory.Offer) error {
			if err := s.checkOfferRefs(ctx, tx, o); err != nil {
				return err
			}
			return putOffer(ctx, tx, nil, o)
		})
	})
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
	return s.write(ctx, func(tx *sql.Tx) error {
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
	})
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

func (s *Store) offers(ctx context.Context, q queryer, ids, providerIDs any) ([]directory.Offer, error) {
	// One statement per access path: an "(:ids IS NULL OR …)" filter would
	// hide the index from SQLite's planner and scan the whole table.
	var rows *sql.Rows
	var err error
	switch {
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

// scanOffer reads the offer columns in the order of dir_offers.sql (id,
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

// ---- cooperations ----

// AddCooperation records a cooperation, normalized; an existing one between
// the same pair is a *Conflict, an unknown organisation a *NotFound on "a" or "b".
func (s *Store) AddCooperation(ctx context.Context, c directory.Cooperation) error {
	n := c.Normalized()
	return s.write(ctx, func(tx *sql.Tx) error {
		if err := s.checkNewCooperation(ctx, tx, c); err != nil {
			return err
		}
		return putCooperation(ctx, tx, n)
	})
}

// checkNewCooperation refuses a cooperation (or proposal) whose sides do
// not both exist or that already exists.
func (s *Store) checkNewCooperation(ctx context.Context, tx *sql.Tx, c directory.Cooperation) error {
	n := c.Normalized()
	// Name the fields as the caller gave them.
	if err := s.mustExist(ctx, tx, "a", "organisation", c.A); err != nil {
		return err
	}
	if err := s.mustExist(ctx, tx, "b", "organisation", c.B); err != nil {
		return err
	}
	var ok bool
	if err := queryRow(ctx, tx, stExists, sql.Named("entity", "cooperation"), sql.Named("id", n.A), sql.Named("other", n.B)).Scan(&ok); err != nil {
		return fmt.Errorf("cooperation: %w", err)
	}
	if ok {
		return &store.Conflict{Reason: fmt.Sprintf("%q and %q already cooperate", n.A, n.B)}
	}
	return nil
}

func putCooperation(ctx context.Context, tx *sql.Tx, n directory.Cooperation) error {
	_, err := exec(ctx, tx, stCooperationUpsert, sql.Named("a", n.A), sql.Named("b", n.B),
		sql.Named("since", n.Since), sql.Named("topics", jsonArray(n.Topics)))
	return translate(err, "cooperation", n.A+"/"+n.B)
}

// RemoveCooperation deletes the cooperation between a and b, in either order.
func (s *Store) RemoveCooperation(ctx context.Context, a, b string) error {
	n := directory.Cooperation{A: a, B: b}.Normalized()
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := exec(ctx, tx, stCooperationDelete, sql.Named("a", n.A), sql.Named("b", n.B))
		if err != nil {
			return fmt.Errorf("cooperation: %w", err)
		}
		if k, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("cooperation: %w", err)
		} else if k == 0 {
			return &store.NotFound{Entity: "cooperation", ID: n.A + "/" + n.B}
		}
		return nil
	})
}

// CooperationsOf returns every cooperation that touches one of ids, normalized, by A then B.
func (s *Store) CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	if len(ids) == 0 {
		return []directory.Cooperation{}, nil
	}
	return s.cooperations(ctx, s.r, jsonArray(ids))
}

func (s *Store) cooperations(ctx context.Context, q queryer, ids any) ([]directory.Cooperation, error) {
	// One statement per access path, as in offers.
	var rows *sql.Rows
	var err error
	if ids != nil {
		rows, err = query(ctx, q, stCooperationsOf, sql.Named("ids", ids))
	} else {
		rows, err = query(ctx, q, stExportCooperations)
	}
	if err != nil {
		return nil, fmt.Errorf("cooperations: %w", err)
	}
	defer rows.Close()
	out := []directory.Cooperation{}
	for rows.Next() {
		var c directory.Cooperation
		var topics string
		if err := rows.Scan(&c.A, &c.B, &c.Since, &topics); err != nil {
			return nil, fmt.Errorf("cooperations: %w", err)
		}
		if c.Topics, err = decodeList[string]("topics", topics, false); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("cooperations: %w", err)
	}
	return out, nil
}

// ---- import, export, counts ----

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
