package neo4j

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// maxNeighbourhoodDepth is the deepest Neighbourhood (the API's limit too);
// there is one statement per depth.
const maxNeighbourhoodDepth = 3

// RecordUnmetNeeds stores unmet needs; an unknown district is a *NotFound on
// "districtId", an id already recorded a *Conflict on "id".
func (s *Store) RecordUnmetNeeds(ctx context.Context, us []directory.UnmetNeed) error {
	if len(us) == 0 {
		return nil
	}
	ids := make([]string, len(us))
	for i, u := range us {
		ids[i] = u.ID
	}
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stUnmetNeedsTaken, idsParam(ids))
		if err != nil {
			return err
		}
		if len(recs) > 0 {
			id, _ := get(recs[0], "id").(string)
			return &store.Conflict{Field: "id", Reason: fmt.Sprintf("an unmet need with id %q is recorded", id)}
		}
		return putUnmetNeeds(ctx, tx, us, "")
	})
}

// putUnmetNeeds upserts unmet needs; a missing district is a *NotFound on
// "districtId" (prefixed with path, e.g. "unmetNeeds[2]").
func putUnmetNeeds(ctx context.Context, tx neo4j.ManagedTransaction, us []directory.UnmetNeed, path string) error {
	rows := make([]any, len(us))
	index := make(map[string]int, len(us))
	for i, u := range us {
		rows[i] = unmetNeedRow(u)
		index[u.ID] = i
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stUnmetNeedUpsert, rowsParam(chunk))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		id, _ := get(recs[0], "id").(string)
		field := "districtId"
		if path != "" {
			field = fmt.Sprintf("%s[%d].districtId", path, index[id])
		}
		return &store.NotFound{Field: field, Entity: "district", ID: us[index[id]].DistrictID}
	}
	return nil
}

func unmetNeedFilterParams(f store.UnmetNeedFilter) map[string]any {
	return map[string]any{
		"municipality": orNil(f.Municipality), "districtIds": listOrNil(f.DistrictIDs),
		"needs": listOrNil(f.Needs), "since": orNil(f.Since), "until": orNil(f.Until),
	}
}

func readUnmetNeedCounts(recs []*neo4j.Record) []store.UnmetNeedCount {
	out := make([]store.UnmetNeedCount, 0, len(recs))
	for _, rec := range recs {
		d, _ := get(rec, "districtId").(string)
		n, _ := get(rec, "need").(string)
		l, _ := get(rec, "language").(string)
		g, _ := get(rec, "targetGroup").(string)
		c, _ := get(rec, "occurrences").(int64)
		out = append(out, store.UnmetNeedCount{
			DistrictID: d, Need: directory.NeedArea(n), Language: l, TargetGroup: directory.TargetGroup(g), Count: int(c),
		})
	}
	return out
}

// UnmetNeedCounts counts unmet needs grouped by district, need, language and
// target group, in Neo4j.
func (s *Store) UnmetNeedCounts(ctx context.Context, f store.UnmetNeedFilter) ([]store.UnmetNeedCount, error) {
	var out []store.UnmetNeedCount
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stUnmetNeedCounts, unmetNeedFilterParams(f))
		if err != nil {
			return err
		}
		out = readUnmetNeedCounts(recs)
		return nil
	})
	return out, err
}

func gapParams(q store.GapQuery) map[string]any {
	return map[string]any{"municipality": orNil(q.Municipality)}
}

// boxParams is the box of r for gap_childcare, within the range of
// latitudes and longitudes Neo4j's points take (Reach does not wrap
// longitudes, so nothing lies beyond them).
func boxParams(r *directory.Reach) map[string]any {
	minLat, maxLat, minLon, maxLon := r.Box()
	return map[string]any{
		"minLat": max(minLat, -90), "maxLat": min(maxLat, 90),
		"minLon": max(minLon, -180), "maxLon": min(maxLon, 180),
	}
}

// GapFacts gathers what the gap rules read, aggregated in Neo4j, in one
// read transaction. The directory's part (districts, supply groups:
// gap_groups, the listed offers: gap_offers, and the childcare around the
// courses among them: gap_childcare) is kept from an earlier call while
// the directory's stamp stands (store.GapMemo): every write of districts,
// organisations or offers, by any replica, numbers a change in its own
// transaction. Unmet needs are recorded outside the change log and read
// every time.
func (s *Store) GapFacts(ctx context.Context, q store.GapQuery) (store.GapFacts, error) {
	var facts store.GapFacts
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stDirectoryStamp, noParams())
		if err != nil {
			return err
		}
		seq, _ := get(rec, "seq").(int64)
		epoch, _ := get(rec, "epoch").(string)
		at := store.DirectoryStamp{Epoch: epoch, Version: seq}
		// Without an epoch (no change yet) the stamp names no one state.
		f, ok := s.gaps.Get(q, at)
		if !ok || epoch == "" {
			if f, err = directoryGapFacts(ctx, tx, q); err != nil {
				return err
			}
			if epoch != "" {
				s.gaps.Put(q, at, f)
			}
		}
		recs, err := run(ctx, tx, stUnmetNeedCounts, unmetNeedFilterParams(store.UnmetNeedFilter{
			Municipality: q.Municipality, Needs: q.Needs,
		}))
		if err != nil {
			return err
		}
		f.UnmetNeeds = readUnmetNeedCounts(recs)
		facts = f
		return nil
	})
	return facts, err
}

// directoryGapFacts reads the facts of q but the unmet needs in tx.
func directoryGapFacts(ctx context.Context, tx neo4j.ManagedTransaction, q store.GapQuery) (store.GapFacts, error) {
	var f store.GapFacts
	recs, err := run(ctx, tx, stDistricts, municipalityParam(q.Municipality))
	if err != nil {
		return f, err
	}
	f.Districts = make([]directory.District, 0, len(recs))
	for _, rec := range recs {
		f.Districts = append(f.Districts, decodeDistrict(asRow(rec, "district")))
	}
	groups, err := collected(ctx, tx, stGapGroups, gapParams(q), "groups")
	if err != nil {
		return f, err
	}
	if err := unpackGapGroups(groups, q.Needs, &f); err != nil {
		return f, err
	}
	return f, gapOffers(ctx, tx, q, &f)
}

// unpackGapGroups turns gap_groups' [districtId, category, needs,
// languages, offers, freePlaces] groups into f's supply (of the wanted need
// areas; all when none), categories and district languages, each ordered
// by its keys.
func unpackGapGroups(groups []any, needs []directory.NeedArea, f *store.GapFacts) error {
	type dn struct {
		d string
		n directory.NeedArea
	}
	type dc struct {
		d string
		c directory.OfferCategory
	}
	type dnl struct {
		dn
		l string
	}
	supply, cats, langs := map[dn]*store.NeedSupply{}, map[dc]int{}, map[dnl]int{}
	for _, g := range groups {
		v, _ := g.([]any)
		if len(v) != 6 {
			return fmt.Errorf("neo4j: statement %s: a group of %d values, want 6", stGapGroups.name, len(v))
		}
		d, _ := v[0].(string)
		c, _ := v[1].(string)
		offers, _ := v[4].(int64)
		free, _ := v[5].(int64)
		cats[dc{d, directory.OfferCategory(c)}] += int(offers)
		ls := anyStrings(v[3])
		for _, n := range enums[directory.NeedArea](anyStrings(v[2])) {
			for _, l := range ls {
				langs[dnl{dn{d, n}, l}] += int(offers)
			}
			if len(needs) > 0 && !slices.Contains(needs, n) {
				continue
			}
			k := dn{d, n}
			if supply[k] == nil {
				supply[k] = &store.NeedSupply{DistrictID: d, Need: n}
			}
			supply[k].ActiveOffers += int(offers)
			supply[k].FreePlaces += int(free)
		}
	}
	f.Supply = make([]store.NeedSupply, 0, len(supply))
	for _, v := range supply {
		f.Supply = append(f.Supply, *v)
	}
	slices.SortFunc(f.Supply, func(a, b store.NeedSupply) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Need), string(b.Need)))
	})
	f.Categories = make([]store.CategorySupply, 0, len(cats))
	for k, n := range cats {
		f.Categories = append(f.Categories, store.CategorySupply{DistrictID: k.d, Category: k.c, ActiveOffers: n})
	}
	slices.SortFunc(f.Categories, func(a, b store.CategorySupply) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Category), string(b.Category)))
	})
	f.DistrictLanguages = make([]store.DistrictLanguage, 0, len(langs))
	for k, n := range langs {
		f.DistrictLanguages = append(f.DistrictLanguages, store.DistrictLanguage{DistrictID: k.d, Need: k.n, Language: k.l, Offers: n})
	}
	slices.SortFunc(f.DistrictLanguages, func(a, b store.DistrictLanguage) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Need), string(b.Need)),
			strings.Compare(a.Language, b.Language))
	})
	return nil
}

// gapOffers reads the offers of gap_offers into f's lists, by id: the
// always-full and unfunded ones come whole, the courses as id and position;
// the courses with no childcare within reach are read whole afterwards
// unless they came so.
func gapOffers(ctx context.Context, tx neo4j.ManagedTransaction, q store.GapQuery, f *store.GapFacts) error {
	listed, err := collected(ctx, tx, stGapOffers, gapParams(q), "offers")
	if err != nil {
		return err
	}
	id := func(v any) string { return row(asMap(v)).str("id") }
	slices.SortFunc(listed, func(a, b any) int { return strings.Compare(id(a), id(b)) })
	f.CoursesWithoutChildcare, f.AlwaysFull, f.Unfunded = []directory.Offer{}, []directory.Offer{}, []directory.Offer{}
	whole := map[string]directory.Offer{}
	var courses []courseAt
	for _, v := range listed {
		r := row(asMap(v))
		if r["offer"] != nil {
			o, err := decodeOffer(row(asMap(r["offer"])))
			if err != nil {
				return err
			}
			whole[o.ID] = o
			if r.boolean("full") {
				f.AlwaysFull = append(f.AlwaysFull, o)
			}
			if r.boolean("unfunded") {
				f.Unfunded = append(f.Unfunded, o)
			}
		}
		if r.boolean("course") {
			courses = append(courses, courseAt{id: r.str("id"), at: r.geo("location")})
		}
	}
	ids, err := withoutChildcare(ctx, tx, courses, q.ChildcareRadiusKm)
	if err != nil {
		return err
	}
	var missing []string
	for _, id := range ids {
		if _, ok := whole[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		recs, err := run(ctx, tx, stOffersByID, idsParam(missing))
		if err != nil {
			return err
		}
		os, err := readOffers(recs)
		if err != nil {
			return err
		}
		for _, o := range os {
			whole[o.ID] = o
		}
	}
	for _, id := range ids {
		if o, ok := whole[id]; ok { // else deleted since: not in this transaction's view
			f.CoursesWithoutChildcare = append(f.CoursesWithoutChildcare, o)
		}
	}
	return nil
}

// courseAt is a course's id and position (nil: none).
type courseAt struct {
	id string
	at *directory.GeoPoint
}

// withoutChildcare returns the ids of the courses with no active childcare
// offer within radiusKm (directory.DistanceKm, as on the embedded store), in
// their order; a course without a position has none.
func withoutChildcare(ctx context.Context, tx neo4j.ManagedTransaction, courses []courseAt, radiusKm float64) ([]string, error) {
	var at []directory.GeoPoint
	for _, c := range courses {
		if c.at != nil {
			at = append(at, *c.at)
		}
	}
	var near []bool
	if len(at) > 0 {
		reach := directory.NewReach(at, radiusKm)
		list, err := collected(ctx, tx, stGapChildcare, boxParams(reach), "positions")
		if err != nil {
			return nil, err
		}
		childcare := make([]directory.GeoPoint, len(list))
		for i, v := range list {
			p, _ := v.([]any)
			if len(p) != 2 {
				return nil, fmt.Errorf("neo4j: statement %s: a position of %d values, want 2", stGapChildcare.name, len(p))
			}
			childcare[i].Lat, _ = p[0].(float64)
			childcare[i].Lon, _ = p[1].(float64)
		}
		near = reach.AnyWithin(childcare)
	}
	ids := []string{}
	i := 0
	for _, c := range courses {
		if c.at == nil {
			ids = append(ids, c.id)
			continue
		}
		if !near[i] {
			ids = append(ids, c.id)
		}
		i++
	}
	return ids, nil
}

// CooperationGraph returns the organisations of a municipality ("" = all)
// and the cooperations among them.
func (s *Store) CooperationGraph(ctx context.Context, municipality string) (store.Graph, error) {
	var g store.Graph
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		list, err := collected(ctx, tx, stOrganisationsOfMuni, municipalityParam(municipality), "organisations")
		if err != nil {
			return err
		}
		orgs := make([]directory.Organisation, len(list))
		for i, v := range list {
			if orgs[i], err = decodeOrganisation(row(asMap(v))); err != nil {
				return err
			}
		}
		slices.SortFunc(orgs, func(a, b directory.Organisation) int { return strings.Compare(a.ID, b.ID) })
		if municipality == "" { // every organisation: every cooperation
			g, err = graphAmong(ctx, tx, orgs, stCooperationsAll, noParams())
		} else {
			g, err = graphAmong(ctx, tx, orgs, stCooperationsAmong, idsParam(organisationIDs(orgs)))
		}
		return err
	})
	return g, err
}

func organisationIDs(orgs []directory.Organisation) []string {
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = o.ID
	}
	return ids
}

// graphAmong completes a graph of organisations with the cooperations st
// (cooperations_among or cooperations_all) returns for params.
func graphAmong(ctx context.Context, tx neo4j.ManagedTransaction, orgs []directory.Organisation, st *statement, params map[string]any) (store.Graph, error) {
	list, err := collected(ctx, tx, st, params, "cooperations")
	if err != nil {
		return store.Graph{}, err
	}
	coops := make([]directory.Cooperation, len(list))
	for i, v := range list {
		c, _ := v.([]any)
		if len(c) != 4 {
			return store.Graph{}, fmt.Errorf("neo4j: statement %s: a cooperation of %d values, want 4", st.name, len(c))
		}
		a, _ := c[0].(string)
		b, _ := c[1].(string)
		since, _ := c[2].(string)
		coops[i] = directory.Cooperation{A: a, B: b, Since: since, Topics: anyStrings(c[3])}.Normalized()
	}
	slices.SortFunc(coops, func(x, y directory.Cooperation) int {
		return cmp.Or(strings.Compare(x.A, y.A), strings.Compare(x.B, y.B))
	})
	return store.Graph{Organisations: orgs, Cooperations: coops}, nil
}

// Neighbourhood returns the organisations within depth (1..3) cooperation
// hops of id (including it), by id, and the cooperations among them.
func (s *Store) Neighbourhood(ctx context.Context, id string, depth int) (store.Graph, error) {
	if depth < 1 || depth > maxNeighbourhoodDepth {
		// The contract says depth is valid; this guards the statement table.
		return store.Graph{}, fmt.Errorf("neo4j: neighbourhood depth %d outside 1..%d", depth, maxNeighbourhoodDepth)
	}
	var g store.Graph
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stNeighbourhood[depth], idParam(id))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return &store.NotFound{Entity: "organisation", ID: id}
		}
		orgs, err := readOrganisations(recs)
		if err != nil {
			return err
		}
		g, err = graphAmong(ctx, tx, orgs, stCooperationsAmong, idsParam(organisationIDs(orgs)))
		return err
	})
	return g, err
}
