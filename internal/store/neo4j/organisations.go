package neo4j

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// PutWorkingGroups inserts or replaces working groups by id.
func (s *Store) PutWorkingGroups(ctx context.Context, ws []directory.WorkingGroup) error {
	rows := make([]any, len(ws))
	for i, w := range ws {
		rows[i] = workingGroupProps(w)
	}
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		_, err := run(ctx, tx, stWorkingGroupUpsert, rowsParam(rows))
		return err
	})
}

// WorkingGroupsByID returns the working groups that exist among ids.
func (s *Store) WorkingGroupsByID(ctx context.Context, ids []string) ([]directory.WorkingGroup, error) {
	var out []directory.WorkingGroup
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stWorkingGroupsByID, idsParam(ids))
		if err != nil {
			return err
		}
		out = make([]directory.WorkingGroup, 0, len(recs))
		for _, rec := range recs {
			out = append(out, decodeWorkingGroup(asRow(rec, "workingGroup")))
		}
		return nil
	})
	return out, err
}

// CreateOrganisation stores a new organisation; a taken id is a *Conflict on "id".
func (s *Store) CreateOrganisation(ctx context.Context, o directory.Organisation) error {
	return s.write(ctx, logged(store.ChangeOrganisations, []string{o.ID}, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := claimID(ctx, tx, stOrganisationCreate, o.ID, "organisation"); err != nil {
			return err
		}
		return putOrganisations(ctx, tx, []directory.Organisation{o}, "")
	}))
}

// UpdateOrganisation reads, patches and writes an organisation in one
// transaction. It locks the node before it reads, so that a concurrent
// patch waits for this one to commit and then reads its result.
func (s *Store) UpdateOrganisation(ctx context.Context, id string, update func(*directory.Organisation) error) error {
	return s.write(ctx, logged(store.ChangeOrganisations, []string{id}, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		read := func() ([]directory.Organisation, error) {
			return lockedRead(ctx, tx, stOrganisationLock, stOrganisationsByID, id, readOrganisationList)
		}
		return store.Patch("organisation", id, read, update, func(o directory.Organisation) error {
			return putOrganisations(ctx, tx, []directory.Organisation{o}, "")
		})
	}))
}

// putOrganisations upserts organisations in chunks, then links their
// parents (which may come later in the list). A missing parent, district or
// working group is a *NotFound naming the field, prefixed with the list path
// (e.g. "organisations[3]") when path is given.
func putOrganisations(ctx context.Context, tx neo4j.ManagedTransaction, os []directory.Organisation, path string) error {
	index := make(map[string]int, len(os))
	rows := make([]any, len(os))
	for i, o := range os {
		index[o.ID] = i
		rows[i] = organisationRow(o)
	}
	field := func(id, f string) string {
		if path == "" {
			return f
		}
		return fmt.Sprintf("%s[%d].%s", path, index[id], f)
	}
	// Missing references are collected and reported in field order.
	type missing struct {
		district bool
		groups   []int
		parent   bool
	}
	problems := map[string]*missing{}
	at := func(id string) *missing {
		if problems[id] == nil {
			problems[id] = &missing{}
		}
		return problems[id]
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stOrganisationUpsert, rowsParam(chunk))
		if err != nil {
			return err
		}
		for _, rec := range recs {
			id, _ := get(rec, "id").(string)
			m := at(id)
			m.district, _ = get(rec, "missingDistrict").(bool)
			list, _ := get(rec, "missingGroups").([]any)
			for _, x := range list {
				if n, ok := x.(int64); ok {
					m.groups = append(m.groups, int(n))
				}
			}
		}
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stOrganisationParents, rowsParam(chunk))
		if err != nil {
			return err
		}
		for _, rec := range recs {
			id, _ := get(rec, "id").(string)
			at(id).parent = true
		}
	}
	for _, o := range os {
		m := problems[o.ID]
		switch {
		case m == nil:
		case m.parent:
			return &store.NotFound{Field: field(o.ID, "parentId"), Entity: "organisation", ID: o.ParentID}
		case m.district:
			return &store.NotFound{Field: field(o.ID, "districtId"), Entity: "district", ID: o.DistrictID}
		case len(m.groups) > 0:
			i := m.groups[0]
			return &store.NotFound{Field: field(o.ID, fmt.Sprintf("workingGroupIds[%d]", i)), Entity: "working group", ID: o.WorkingGroupIDs[i]}
		}
	}
	return nil
}

// DeleteOrganisation removes an organisation and its cooperations; it is a
// *Conflict while the organisation still provides offers or has parts.
func (s *Store) DeleteOrganisation(ctx context.Context, id string) error {
	return s.write(ctx, logged(store.ChangeOrganisations, []string{id}, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stOrganisationDeps, idParam(id))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return &store.NotFound{Entity: "organisation", ID: id}
		}
		offers, _ := get(recs[0], "offers").(int64)
		parts, _ := get(recs[0], "parts").(int64)
		if err := store.Dependents(offers, parts); err != nil {
			return err
		}
		rec, err := single(ctx, tx, stOrganisationDelete, idParam(id))
		if err != nil {
			return err
		}
		if n, _ := get(rec, "deleted").(int64); n != 1 {
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("organisation %q gained offers or parts while it was being deleted", id)}
		}
		_, err = run(ctx, tx, stOrganisationTokensRevoke, revokeParams(id, time.Now()))
		return err
	}))
}

func readOrganisations(recs []*neo4j.Record) ([]directory.Organisation, error) {
	out := make([]directory.Organisation, 0, len(recs))
	for _, rec := range recs {
		o, err := decodeOrganisation(asRow(rec, "organisation"))
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// readOrganisationList decodes organisations_by_id's one record, by id.
func readOrganisationList(recs []*neo4j.Record) ([]directory.Organisation, error) {
	if len(recs) != 1 {
		return nil, fmt.Errorf("neo4j: statement %s returned %d records, want 1", stOrganisationsByID.name, len(recs))
	}
	list, _ := get(recs[0], "organisations").([]any)
	out := make([]directory.Organisation, len(list))
	for i, v := range list {
		var err error
		if out[i], err = decodeOrganisation(row(asMap(v))); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b directory.Organisation) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// OrganisationsByID returns the organisations that exist among ids, by id.
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	var out []directory.Organisation
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stOrganisationsByID, idsParam(ids))
		if err != nil {
			return err
		}
		out, err = readOrganisationList(recs)
		return err
	})
	return out, err
}

// OrganisationsAfter returns up to limit organisations with ids after after, by id.
func (s *Store) OrganisationsAfter(ctx context.Context, after string, limit int) ([]directory.Organisation, error) {
	return s.organisations(ctx, stExportOrgsAfter, afterParams(after, limit))
}

func (s *Store) organisations(ctx context.Context, st *statement, params map[string]any) ([]directory.Organisation, error) {
	var out []directory.Organisation
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, st, params)
		if err != nil {
			return err
		}
		out, err = readOrganisations(recs)
		return err
	})
	return out, err
}

func organisationFilterParams(f store.OrganisationFilter) map[string]any {
	var terms any
	if t := directory.SearchTerms(f.Text); len(t) > 0 {
		terms = t
	}
	return map[string]any{
		"terms": terms, "kinds": listOrNil(f.Kinds), "districtIds": listOrNil(f.DistrictIDs),
		"municipality": orNil(f.Municipality), "workingGroupId": orNil(f.WorkingGroupID), "parentId": orNil(f.ParentID),
		"restricted": f.Restricted, "ownOrg": f.OwnOrganisation,
	}
}

// Organisations lists organisations matching f, one keyset page of
// store.OrderingOrganisations (name, then id).
func (s *Store) Organisations(ctx context.Context, f store.OrganisationFilter, p store.Page) (store.OrganisationPage, error) {
	w, err := p.Window(store.OrderingOrganisations)
	if err != nil {
		return store.OrganisationPage{}, err
	}
	var page store.OrganisationPage
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		params := windowParams(organisationFilterParams(f), w, "Name")
		rec, err := single(ctx, tx, stOrganisationsCount, params)
		if err != nil {
			return err
		}
		recs, err := run(ctx, tx, stOrganisationsPage, params)
		if err != nil {
			return err
		}
		orgs, err := readOrganisations(recs)
		if err != nil {
			return err
		}
		page.Organisations, page.PageInfo = store.FinishPage(w, orgs, edges(rec), store.OrganisationKey)
		return nil
	})
	return page, err
}
