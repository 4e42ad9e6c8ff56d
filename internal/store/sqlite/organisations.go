package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

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

// CreateOrganisation stores a new organisation; a taken id is a *Conflict on "id".
func (s *Store) CreateOrganisation(ctx context.Context, o directory.Organisation) error {
	return s.write(ctx, logged(ctx, store.ChangeOrganisations, []string{o.ID}, func(tx *sql.Tx) error {
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
	}))
}

// UpdateOrganisation reads, patches and writes an organisation in one
// transaction of the single writer connection, so concurrent patches
// serialize.
func (s *Store) UpdateOrganisation(ctx context.Context, id string, update func(*directory.Organisation) error) error {
	return s.write(ctx, logged(ctx, store.ChangeOrganisations, []string{id}, func(tx *sql.Tx) error {
		read := func() ([]directory.Organisation, error) {
			page, _, err := s.organisations(ctx, tx, orgQuery{ids: jsonArray([]string{id}), byID: true, limit: -1})
			return page.Organisations, err
		}
		return store.Patch("organisation", id, read, update, func(o directory.Organisation) error {
			if err := s.checkOrganisationRefs(ctx, tx, o); err != nil {
				return err
			}
			return putOrganisation(ctx, tx, o)
		})
	}))
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
		sql.Named("confidential_address", boolInt(o.ConfidentialAddress)), sql.Named("visibility", string(o.Visibility)),
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
	return s.write(ctx, logged(ctx, store.ChangeOrganisations, []string{id}, func(tx *sql.Tx) error {
		if err := s.mustExist(ctx, tx, "", "organisation", id); err != nil {
			return err
		}
		var offers, parts int
		if err := queryRow(ctx, tx, stOrganisationDependents, sql.Named("id", id)).Scan(&offers, &parts); err != nil {
			return fmt.Errorf("organisation %q: %w", id, err)
		}
		if err := store.Dependents(int64(offers), int64(parts)); err != nil {
			return err
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
	}))
}

// OrganisationsByID returns the organisations that exist among ids, by id.
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	if len(ids) == 0 {
		return []directory.Organisation{}, nil
	}
	page, _, err := s.organisations(ctx, s.r, orgQuery{ids: jsonArray(ids), byID: true, limit: -1})
	return page.Organisations, err
}

// OrganisationsAfter returns up to limit organisations with ids after after, by id.
func (s *Store) OrganisationsAfter(ctx context.Context, after string, limit int) ([]directory.Organisation, error) {
	page, _, err := s.organisations(ctx, s.r, orgQuery{after: &after, limit: limit})
	return page.Organisations, err
}

// Organisations lists organisations matching f, one keyset page of
// store.OrderingOrganisations (name, then id).
func (s *Store) Organisations(ctx context.Context, f store.OrganisationFilter, p store.Page) (store.OrganisationPage, error) {
	w, err := p.Window(store.OrderingOrganisations)
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
		restricted: f.Restricted, ownOrg: f.OwnOrganisation,
		window: &w, limit: w.Fetch(),
	}
	page, edges, err := s.organisations(ctx, s.r, q)
	if err != nil {
		return page, err
	}
	if len(page.Organisations) == 0 {
		// An empty page has no row for the total and flags to ride on: one row
		// of the whole result brings them.
		q.limit, q.noWindow = 1, true
		if _, edges, err = s.organisations(ctx, s.r, q); err != nil {
			return page, err
		}
	}
	orgs, info := store.FinishPage(w, page.Organisations, edges, store.OrganisationKey)
	return store.OrganisationPage{Organisations: orgs, PageInfo: info}, nil
}

type orgQuery struct {
	ids, kinds, districtIDs, municipality, workingGroupID, parentID, terms any
	byID, restricted                                                       bool
	graph                                                                  bool // every one of municipality, by id, no total
	ownOrg                                                                 string
	after                                                                  *string       // ids after it, by id, limit of them
	window                                                                 *store.Window // nil: the whole result
	noWindow                                                               bool          // the window's cursors only for the flags
	limit                                                                  int
}

func (s *Store) organisations(ctx context.Context, q queryer, oq orgQuery) (store.OrganisationPage, store.Edges, error) {
	var rows *sql.Rows
	var err error
	var edges store.Edges
	counted := oq.ids == nil && !oq.graph && oq.after == nil // the statement gives the total and the flags
	switch {
	case oq.after != nil:
		rows, err = query(ctx, q, stOrganisationsAfter, sql.Named("after", *oq.after), sql.Named("limit", oq.limit))
	case oq.ids != nil: // the primary key, not a scan (see offers)
		rows, err = query(ctx, q, stOrganisationsByID, sql.Named("ids", oq.ids))
	case oq.graph:
		rows, err = query(ctx, q, stCooperationGraphOrganisations, sql.Named("municipality", oq.municipality))
	default:
		w := store.Window{}
		if oq.window != nil {
			w = *oq.window
		}
		win := windowArgs(w, !oq.noWindow)
		rows, err = query(ctx, q, stOrganisationsPage, sql.Named("kinds", oq.kinds),
			sql.Named("district_ids", oq.districtIDs), sql.Named("municipality", oq.municipality),
			sql.Named("working_group_id", oq.workingGroupID), sql.Named("parent_id", oq.parentID),
			sql.Named("terms", oq.terms), sql.Named("by_id", oq.byID),
			sql.Named("restricted", boolInt(oq.restricted)), sql.Named("own_org", oq.ownOrg),
			win[0], win[1], sql.Named("limit", oq.limit))
	}
	if err != nil {
		return store.OrganisationPage{}, edges, fmt.Errorf("organisations: %w", err)
	}
	defer rows.Close()
	page := store.OrganisationPage{Organisations: []directory.Organisation{}}
	for rows.Next() {
		var o directory.Organisation
		var kind, updated, groups, visibility string
		var parent, district sql.NullString
		var lat, lon sql.NullFloat64
		dest := []any{&o.ID, &o.Name, &kind, &o.Description, &parent, &district, &o.Municipality, &o.Address,
			&lat, &lon, &o.Website, &o.Email, &o.Phone, &updated, &o.ConfidentialAddress, &visibility, &groups}
		if counted {
			dest = append(dest, &edges.Total, &edges.UpToAfter, &edges.FromBefore)
		}
		if err := rows.Scan(dest...); err != nil {
			return page, edges, fmt.Errorf("organisations: %w", err)
		}
		o.Kind, o.Visibility = directory.OrganisationKind(kind), directory.Visibility(visibility)
		o.ParentID, o.DistrictID = parent.String, district.String
		o.Location = scanPoint(lat, lon)
		if o.UpdatedAt, err = store.ParseTime(updated); err != nil {
			return page, edges, err
		}
		if o.WorkingGroupIDs, err = decodeList[string]("workingGroupIds", groups, false); err != nil {
			return page, edges, err
		}
		page.Organisations = append(page.Organisations, o)
	}
	if err := rows.Err(); err != nil {
		return page, edges, fmt.Errorf("organisations: %w", err)
	}
	if !counted {
		edges.Total = len(page.Organisations)
	}
	page.TotalCount = edges.Total
	return page, edges, nil
}
