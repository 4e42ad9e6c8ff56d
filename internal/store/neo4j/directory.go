package neo4j

import (
	"context"
	"fmt"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Parameter builders: every statement gets its parameters from one of these
// (TestStatementParameters checks each statement against its builder).

func noParams() map[string]any                  { return map[string]any{} }
func idParam(id string) map[string]any          { return map[string]any{"id": id} }
func idsParam(ids []string) map[string]any      { return map[string]any{"ids": nonNil(ids)} }
func rowsParam(rows []any) map[string]any       { return map[string]any{"rows": rows} }
func pairParams(a, b string) map[string]any     { return map[string]any{"a": a, "b": b} }
func municipalityParam(m string) map[string]any { return map[string]any{"municipality": orNil(m)} }
func providerIDsParam(ids []string) map[string]any {
	return map[string]any{"providerIds": nonNil(ids)}
}

func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// pageParams adds the window of a page to a filter's parameters.
func pageParams(params map[string]any, offset, limit int) map[string]any {
	params["skip"] = int64(offset)
	params["limit"] = int64(limit)
	return params
}

// PutDistricts inserts or replaces districts by id.
func (s *Store) PutDistricts(ctx context.Context, ds []directory.District) error {
	rows := make([]any, len(ds))
	for i, d := range ds {
		rows[i] = districtProps(d)
	}
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		_, err := run(ctx, tx, stDistrictUpsert, rowsParam(rows))
		return err
	})
}

func (s *Store) districts(ctx context.Context, st *statement, params map[string]any) ([]directory.District, error) {
	var out []directory.District
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, st, params)
		if err != nil {
			return err
		}
		out = make([]directory.District, 0, len(recs))
		for _, rec := range recs {
			out = append(out, decodeDistrict(asRow(rec, "district")))
		}
		return nil
	})
	return out, err
}

// Districts lists the districts of a municipality ("" = all), by municipality then name.
func (s *Store) Districts(ctx context.Context, municipality string) ([]directory.District, error) {
	return s.districts(ctx, stDistricts, municipalityParam(municipality))
}

// DistrictsByID returns the districts that exist among ids.
func (s *Store) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	return s.districts(ctx, stDistrictsByID, idsParam(ids))
}

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

// exists runs an *_exists statement.
func exists(ctx context.Context, tx neo4j.ManagedTransaction, st *statement, id string) (bool, error) {
	rec, err := single(ctx, tx, st, idParam(id))
	if err != nil {
		return false, err
	}
	found, _ := get(rec, "found").(bool)
	return found, nil
}

// CreateOrganisation stores a new organisation; a taken id is a *Conflict on "id".
func (s *Store) CreateOrganisation(ctx context.Context, o directory.Organisation) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := claimID(ctx, tx, stOrganisationCreate, o.ID, "organisation"); err != nil {
			return err
		}
		return putOrganisations(ctx, tx, []directory.Organisation{o}, "")
	})
}

// claimID creates the node of a new record with only its id (st is an
// *_create statement). A taken id breaks the uniqueness constraint, which
// Neo4j checks atomically, and becomes a *Conflict on "id"; what is taken is
// recognised by the status code, not by the message.
func claimID(ctx context.Context, tx neo4j.ManagedTransaction, st *statement, id, what string) error {
	_, err := run(ctx, tx, st, idParam(id))
	if isConstraintViolation(err) {
		return &store.Conflict{Field: "id", Reason: fmt.Sprintf("%s %q already exists", what, id)}
	}
	return err
}

// UpdateOrganisation reads, patches and writes an organisation in one
// transaction. It locks the node before it reads, so that a concurrent
// patch waits for this one to commit and then reads its result.
func (s *Store) UpdateOrganisation(ctx context.Context, id string, update func(*directory.Organisation) error) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		read := func() ([]directory.Organisation, error) {
			return lockedRead(ctx, tx, stOrganisationLock, stOrganisationsByID, id, readOrganisations)
		}
		return store.Patch("organisation", id, read, update, func(o directory.Organisation) error {
			return putOrganisations(ctx, tx, []directory.Organisation{o}, "")
		})
	})
}

// lockedRead takes the write lock of node id with lock, then reads it with
// byID (which takes $ids).
func lockedRead[T any](ctx context.Context, tx neo4j.ManagedTransaction, lock, byID *statement, id string,
	decode func([]*neo4j.Record) ([]T, error)) ([]T, error) {
	if _, err := run(ctx, tx, lock, idParam(id)); err != nil {
		return nil, err
	}
	recs, err := run(ctx, tx, byID, idsParam([]string{id}))
	if err != nil {
		return nil, err
	}
	return decode(recs)
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

// chunks splits rows into UNWIND batches of importChunk.
func chunks(rows []any) [][]any {
	var out [][]any
	for len(rows) > importChunk {
		out = append(out, rows[:importChunk])
		rows = rows[importChunk:]
	}
	if len(rows) > 0 {
		out = append(out, rows)
	}
	return out
}

// DeleteOrganisation removes an organisation and its cooperations; it is a
// *Conflict while the organisation still provides offers or has parts.
func (s *Store) DeleteOrganisation(ctx context.Context, id string) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stOrganisationDeps, idParam(id))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return &store.NotFound{Entity: "organisation", ID: id}
		}
		offers, _ := get(recs[0], "offers").(int64)
		parts, _ := get(recs[0], "parts").(int64)
		switch {
		case offers > 0:
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("organisation still provides %d offers", offers)}
		case parts > 0:
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("organisation still has %d parts", parts)}
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
	})
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

func readOffers(recs []*neo4j.Record) ([]directory.Offer, error) {
	out := make([]directory.Offer, 0, len(recs))
	for _, rec := range recs {
		o, err := decodeOffer(asRow(rec, "offer"))
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// OrganisationsByID returns the organisations that exist among ids.
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	var out []directory.Organisation
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stOrganisationsByID, idsParam(ids))
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
	}
}

// Organisations lists organisations matching f, ordered by name then id.
func (s *Store) Organisations(ctx context.Context, f store.OrganisationFilter, p store.Page) (store.OrganisationPage, error) {
	offset, limit, err := p.Window()
	if err != nil {
		return store.OrganisationPage{}, err
	}
	var page store.OrganisationPage
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stOrganisationsCount, organisationFilterParams(f))
		if err != nil {
			return err
		}
		total, _ := get(rec, "total").(int64)
		recs, err := run(ctx, tx, stOrganisationsPage, pageParams(organisationFilterParams(f), offset, limit))
		if err != nil {
			return err
		}
		orgs, err := readOrganisations(recs)
		if err != nil {
			return err
		}
		page = store.OrganisationPage{Organisations: orgs, PageInfo: store.PageInfo{
			Offset: offset, TotalCount: int(total), HasNextPage: offset+len(orgs) < int(total),
		}}
		return nil
	})
	return page, err
}

// CreateOffer stores a new offer; a taken id is a *Conflict on "id".
func (s *Store) CreateOffer(ctx context.Context, o directory.Offer) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := claimID(ctx, tx, stOfferCreate, o.ID, "offer"); err != nil {
			return err
		}
		return putOffers(ctx, tx, []directory.Offer{o}, "")
	})
}

// UpdateOffer reads, patches and writes an offer in one transaction, as
// UpdateOrganisation does.
func (s *Store) UpdateOffer(ctx context.Context, id string, update func(*directory.Offer) error) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		read := func() ([]directory.Offer, error) {
			return lockedRead(ctx, tx, stOfferLock, stOffersByID, id, readOffers)
		}
		return store.Patch("offer", id, read, update, func(o directory.Offer) error {
			return putOffers(ctx, tx, []directory.Offer{o}, "")
		})
	})
}

// putOffers upserts offers in chunks; a missing provider or district is a
// *NotFound naming the field (prefixed with path, e.g. "offers[7]").
func putOffers(ctx context.Context, tx neo4j.ManagedTransaction, os []directory.Offer, path string) error {
	rows := make([]any, len(os))
	index := make(map[string]int, len(os))
	for i, o := range os {
		rows[i] = offerRow(o)
		index[o.ID] = i
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stOfferUpsert, rowsParam(chunk))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		id, _ := get(recs[0], "id").(string)
		o := os[index[id]]
		prefix := ""
		if path != "" {
			prefix = fmt.Sprintf("%s[%d].", path, index[id])
		}
		if mp, _ := get(recs[0], "missingProvider").(bool); mp {
			return &store.NotFound{Field: prefix + "providerId", Entity: "organisation", ID: o.ProviderID}
		}
		return &store.NotFound{Field: prefix + "districtId", Entity: "district", ID: o.DistrictID}
	}
	return nil
}

// DeleteOffer removes an offer.
func (s *Store) DeleteOffer(ctx context.Context, id string) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stOfferDelete, idParam(id))
		if err != nil {
			return err
		}
		if n, _ := get(rec, "deleted").(int64); n == 0 {
			return &store.NotFound{Entity: "offer", ID: id}
		}
		return nil
	})
}

func (s *Store) offers(ctx context.Context, st *statement, params map[string]any) ([]directory.Offer, error) {
	var out []directory.Offer
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, st, params)
		if err != nil {
			return err
		}
		out, err = readOffers(recs)
		return err
	})
	return out, err
}

// OffersByID returns the offers that exist among ids.
func (s *Store) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	return s.offers(ctx, stOffersByID, idsParam(ids))
}

// OffersByProvider returns every offer of the given providers, by title then id.
func (s *Store) OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error) {
	return s.offers(ctx, stOffersByProvider, providerIDsParam(providerIDs))
}

// offerFilterParams turns a filter into the parameters of search_offers_*:
// null for every field that does not filter.
func offerFilterParams(f store.OfferFilter) map[string]any {
	params := map[string]any{
		"terms": nil, "categories": listOrNil(f.Categories), "needs": listOrNil(f.Needs),
		"targetGroups": nil, "languages": listOrNil(f.Languages), "districtIds": listOrNil(f.DistrictIDs),
		"organisationIds": listOrNil(f.OrganisationIDs), "municipality": orNil(f.Municipality),
		"childcare": nil, "freePlacesOnly": f.FreePlacesOnly, "costs": listOrNil(f.Cost),
		"statuses": listOrNil(f.Status), "legalCircuits": listOrNil(f.LegalCircuits), "age": nil,
		"lat": nil, "lon": nil, "radiusKm": nil, "metresPerKm": metresPerKm,
		"restricted": f.Restricted, "ownOrg": f.OwnOrganisation,
	}
	if t := directory.SearchTerms(f.Text); len(t) > 0 {
		params["terms"] = t
	}
	if len(f.TargetGroups) > 0 {
		// A target group filter also matches offers for everybody.
		groups := strings_(f.TargetGroups)
		all := false
		for _, g := range groups {
			all = all || g == string(directory.GroupAll)
		}
		if !all {
			groups = append(groups, string(directory.GroupAll))
		}
		params["targetGroups"] = groups
	}
	if f.Childcare != nil {
		params["childcare"] = *f.Childcare
	}
	if f.Age != nil {
		params["age"] = int64(*f.Age)
	}
	if n := f.Near; n != nil {
		params["lat"], params["lon"], params["radiusKm"] = n.Lat, n.Lon, n.RadiusKm
	}
	return params
}

func searchPageParams(q store.OfferQuery, offset, limit int) map[string]any {
	params := pageParams(offerFilterParams(q.Filter), offset, limit)
	order := q.Order
	if order == "" {
		order = store.OrderTitle
	}
	params["order"] = string(order)
	return params
}

// SearchOffers filters, orders and pages offers in Neo4j: one count and one
// page statement, in the same read transaction.
func (s *Store) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	offset, limit, err := q.Page.Window()
	if err != nil {
		return store.OfferPage{}, err
	}
	var page store.OfferPage
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stSearchOffersCount, offerFilterParams(q.Filter))
		if err != nil {
			return err
		}
		total, _ := get(rec, "total").(int64)
		recs, err := run(ctx, tx, stSearchOffersPage, searchPageParams(q, offset, limit))
		if err != nil {
			return err
		}
		hits := make([]store.OfferHit, 0, len(recs))
		for _, rec := range recs {
			o, err := decodeOffer(asRow(rec, "offer"))
			if err != nil {
				return err
			}
			hit := store.OfferHit{Offer: o}
			if d, ok := get(rec, "distanceKm").(float64); ok {
				hit.DistanceKm = &d
			}
			hits = append(hits, hit)
		}
		page = store.OfferPage{Hits: hits, PageInfo: store.PageInfo{
			Offset: offset, TotalCount: int(total), HasNextPage: offset+len(hits) < int(total),
		}}
		return nil
	})
	return page, err
}

// AddCooperation records a cooperation; one between the same pair (in
// either order) is a *Conflict.
func (s *Store) AddCooperation(ctx context.Context, c directory.Cooperation) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := checkNewCooperation(ctx, tx, c); err != nil {
			return err
		}
		return putCooperations(ctx, tx, []directory.Cooperation{c}, "")
	})
}

// checkNewCooperation refuses a cooperation (or proposal) whose sides do
// not both exist or that already exists.
func checkNewCooperation(ctx context.Context, tx neo4j.ManagedTransaction, c directory.Cooperation) error {
	rec, err := single(ctx, tx, stCooperationCheck, pairParams(c.A, c.B))
	if err != nil {
		return err
	}
	foundA, _ := get(rec, "foundA").(bool)
	foundB, _ := get(rec, "foundB").(bool)
	taken, _ := get(rec, "taken").(bool)
	switch {
	case !foundA:
		return &store.NotFound{Field: "a", Entity: "organisation", ID: c.A}
	case !foundB:
		return &store.NotFound{Field: "b", Entity: "organisation", ID: c.B}
	case taken:
		n := c.Normalized()
		return &store.Conflict{Field: "b", Reason: fmt.Sprintf("%q and %q already cooperate", n.A, n.B)}
	}
	return nil
}

// putCooperations upserts cooperations, each stored once from the lower id
// to the higher.
func putCooperations(ctx context.Context, tx neo4j.ManagedTransaction, cs []directory.Cooperation, path string) error {
	rows := make([]any, len(cs))
	index := map[[2]string]int{}
	for i, c := range cs {
		rows[i] = cooperationRow(c)
		n := c.Normalized()
		index[[2]string{n.A, n.B}] = i
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stCooperationUpsert, rowsParam(chunk))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		a, _ := get(recs[0], "a").(string)
		b, _ := get(recs[0], "b").(string)
		c := cs[index[[2]string{a, b}]]
		prefix := ""
		if path != "" {
			prefix = fmt.Sprintf("%s[%d].", path, index[[2]string{a, b}])
		}
		if foundA, _ := get(recs[0], "foundA").(bool); !foundA {
			id := a
			f := "a"
			if c.B == a {
				f = "b"
			}
			return &store.NotFound{Field: prefix + f, Entity: "organisation", ID: id}
		}
		f := "b"
		if c.A == b {
			f = "a"
		}
		return &store.NotFound{Field: prefix + f, Entity: "organisation", ID: b}
	}
	return nil
}

// RemoveCooperation deletes the cooperation between a and b, in either order.
func (s *Store) RemoveCooperation(ctx context.Context, a, b string) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stCooperationDelete, pairParams(a, b))
		if err != nil {
			return err
		}
		if n, _ := get(rec, "deleted").(int64); n == 0 {
			n := directory.Cooperation{A: a, B: b}.Normalized()
			return &store.NotFound{Entity: "cooperation", ID: n.A + "/" + n.B}
		}
		return nil
	})
}

func readCooperations(recs []*neo4j.Record) []directory.Cooperation {
	out := make([]directory.Cooperation, 0, len(recs))
	for _, rec := range recs {
		out = append(out, decodeCooperation(rec))
	}
	return out
}

// CooperationsOf returns every cooperation that touches one of ids, normalized (A < B).
func (s *Store) CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	var out []directory.Cooperation
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stCooperationsOf, idsParam(ids))
		if err != nil {
			return err
		}
		out = readCooperations(recs)
		return nil
	})
	return out, err
}

// Import upserts a whole snapshot in one transaction: all of it or nothing.
// Rows go in UNWIND chunks of importChunk, all inside that one transaction,
// so that no statement carries the whole snapshot; the transaction itself
// still holds every change until commit, so an NRW-scale import (150 000
// offers) needs a server whose transaction memory
// (db.memory.transaction.max) allows a few GB, and runs under
// Config.ImportTimeout instead of Config.Timeout.
func (s *Store) Import(ctx context.Context, snap directory.Snapshot) error {
	districts := make([]any, len(snap.Districts))
	for i, d := range snap.Districts {
		districts[i] = districtProps(d)
	}
	groups := make([]any, len(snap.WorkingGroups))
	for i, w := range snap.WorkingGroups {
		groups[i] = workingGroupProps(w)
	}
	return s.writeWithin(ctx, s.importTimeout, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		for _, chunk := range chunks(districts) {
			if _, err := run(ctx, tx, stDistrictUpsert, rowsParam(chunk)); err != nil {
				return err
			}
		}
		for _, chunk := range chunks(groups) {
			if _, err := run(ctx, tx, stWorkingGroupUpsert, rowsParam(chunk)); err != nil {
				return err
			}
		}
		if err := putOrganisations(ctx, tx, snap.Organisations, "organisations"); err != nil {
			return err
		}
		if err := putOffers(ctx, tx, snap.Offers, "offers"); err != nil {
			return err
		}
		if err := putCooperations(ctx, tx, snap.Cooperations, "cooperations"); err != nil {
			return err
		}
		return putUnmetNeeds(ctx, tx, snap.UnmetNeeds, "unmetNeeds")
	})
}

// Export returns everything, each list ordered by id (cooperations by A, B),
// read in one transaction.
func (s *Store) Export(ctx context.Context) (directory.Snapshot, error) {
	var snap directory.Snapshot
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		snap = directory.Snapshot{Format: directory.SnapshotFormat}
		recs, err := run(ctx, tx, stExportDistricts, noParams())
		if err != nil {
			return err
		}
		snap.Districts = make([]directory.District, 0, len(recs))
		for _, rec := range recs {
			snap.Districts = append(snap.Districts, decodeDistrict(asRow(rec, "district")))
		}
		if recs, err = run(ctx, tx, stExportWorkingGroups, noParams()); err != nil {
			return err
		}
		snap.WorkingGroups = make([]directory.WorkingGroup, 0, len(recs))
		for _, rec := range recs {
			snap.WorkingGroups = append(snap.WorkingGroups, decodeWorkingGroup(asRow(rec, "workingGroup")))
		}
		if recs, err = run(ctx, tx, stExportOrganisations, noParams()); err != nil {
			return err
		}
		if snap.Organisations, err = readOrganisations(recs); err != nil {
			return err
		}
		if recs, err = run(ctx, tx, stExportOffers, noParams()); err != nil {
			return err
		}
		if snap.Offers, err = readOffers(recs); err != nil {
			return err
		}
		if recs, err = run(ctx, tx, stExportCooperations, noParams()); err != nil {
			return err
		}
		snap.Cooperations = readCooperations(recs)
		if recs, err = run(ctx, tx, stExportUnmetNeeds, noParams()); err != nil {
			return err
		}
		snap.UnmetNeeds = make([]directory.UnmetNeed, 0, len(recs))
		for _, rec := range recs {
			snap.UnmetNeeds = append(snap.UnmetNeeds, decodeUnmetNeed(asRow(rec, "unmetNeed")))
		}
		return nil
	})
	return snap, err
}

// Counts says how much is stored, counted in Neo4j.
func (s *Store) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stCounts, noParams())
		if err != nil {
			return err
		}
		n := func(k string) int { v, _ := get(rec, k).(int64); return int(v) }
		c = store.Counts{
			Districts: n("districts"), WorkingGroups: n("workingGroups"), Organisations: n("organisations"),
			Offers: n("offers"), Cooperations: n("cooperations"), UnmetNeeds: n("unmetNeeds"),
		}
		return nil
	})
	return c, err
}
