package neo4j

import (
	"context"
	"fmt"

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
	return map[string]any{
		"municipality": orNil(q.Municipality), "needs": listOrNil(q.Needs),
		"radiusKm": q.ChildcareRadiusKm, "metresPerKm": metresPerKm,
	}
}

// GapFacts gathers what the gap rules read, each fact aggregated in Neo4j,
// all in one read transaction.
func (s *Store) GapFacts(ctx context.Context, q store.GapQuery) (store.GapFacts, error) {
	var facts store.GapFacts
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		facts = store.GapFacts{}
		recs, err := run(ctx, tx, stDistricts, municipalityParam(q.Municipality))
		if err != nil {
			return err
		}
		facts.Districts = make([]directory.District, 0, len(recs))
		for _, rec := range recs {
			facts.Districts = append(facts.Districts, decodeDistrict(asRow(rec, "district")))
		}

		if recs, err = run(ctx, tx, stGapSupply, gapParams(q)); err != nil {
			return err
		}
		facts.Supply = make([]store.NeedSupply, 0, len(recs))
		for _, rec := range recs {
			d, _ := get(rec, "districtId").(string)
			n, _ := get(rec, "need").(string)
			a, _ := get(rec, "activeOffers").(int64)
			f, _ := get(rec, "freePlaces").(int64)
			facts.Supply = append(facts.Supply, store.NeedSupply{DistrictID: d, Need: directory.NeedArea(n), ActiveOffers: int(a), FreePlaces: int(f)})
		}

		if recs, err = run(ctx, tx, stGapCategories, gapParams(q)); err != nil {
			return err
		}
		facts.Categories = make([]store.CategorySupply, 0, len(recs))
		for _, rec := range recs {
			d, _ := get(rec, "districtId").(string)
			c, _ := get(rec, "category").(string)
			a, _ := get(rec, "activeOffers").(int64)
			facts.Categories = append(facts.Categories, store.CategorySupply{DistrictID: d, Category: directory.OfferCategory(c), ActiveOffers: int(a)})
		}

		if recs, err = run(ctx, tx, stGapLanguages, gapParams(q)); err != nil {
			return err
		}
		facts.DistrictLanguages = make([]store.DistrictLanguage, 0, len(recs))
		for _, rec := range recs {
			d, _ := get(rec, "districtId").(string)
			need, _ := get(rec, "need").(string)
			l, _ := get(rec, "language").(string)
			n, _ := get(rec, "offers").(int64)
			facts.DistrictLanguages = append(facts.DistrictLanguages, store.DistrictLanguage{
				DistrictID: d, Need: directory.NeedArea(need), Language: l, Offers: int(n)})
		}

		if recs, err = run(ctx, tx, stUnmetNeedCounts, unmetNeedFilterParams(store.UnmetNeedFilter{
			Municipality: q.Municipality, Needs: q.Needs,
		})); err != nil {
			return err
		}
		facts.UnmetNeeds = readUnmetNeedCounts(recs)

		for _, l := range []struct {
			st  *statement
			out *[]directory.Offer
		}{
			{stGapCourses, &facts.CoursesWithoutChildcare},
			{stGapAlwaysFull, &facts.AlwaysFull},
			{stGapUnfunded, &facts.Unfunded},
		} {
			if recs, err = run(ctx, tx, l.st, gapParams(q)); err != nil {
				return err
			}
			if *l.out, err = readOffers(recs); err != nil {
				return err
			}
		}
		return nil
	})
	return facts, err
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
