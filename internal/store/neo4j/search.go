package neo4j

import (
	"context"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

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
		"radiusMetres": nil, "term": nil, "lucene": nil,
	}
	if t := directory.SearchTerms(f.Text); len(t) > 0 {
		params["terms"] = t
		params["term"] = longest(t)
	}
	if len(f.TargetGroups) > 0 {
		params["targetGroups"] = targetGroupsParam(f.TargetGroups)
	}
	if f.Childcare != nil {
		params["childcare"] = *f.Childcare
	}
	if f.Age != nil {
		params["age"] = int64(*f.Age)
	}
	if n := f.Near; n != nil {
		params["lat"], params["lon"], params["radiusKm"] = n.Lat, n.Lon, n.RadiusKm
		// Wider by a millionth and a metre, so that rounding in the index
		// seek loses no offer the exact filter keeps.
		params["radiusMetres"] = n.RadiusKm*metresPerKm*(1+1e-6) + 1
	}
	return params
}

// targetGroupsParam: a target group filter also matches offers for everybody.
func targetGroupsParam(tg []directory.TargetGroup) []string {
	groups := strings_(tg)
	for _, g := range groups {
		if g == string(directory.GroupAll) {
			return groups
		}
	}
	return append(groups, string(directory.GroupAll))
}

// searchParams are the parameters of a driver's count and page statements.
func searchParams(q store.OfferQuery, w store.Window) map[string]any {
	params := windowParams(offerFilterParams(q.Filter), w, "Sort")
	order := q.Order
	if order == "" {
		order = store.OrderTitle
	}
	params["order"] = string(order)
	return params
}

// longest is the longest term: the most selective start for a text search.
func longest(terms []string) string {
	best := terms[0]
	for _, t := range terms[1:] {
		if len(t) > len(best) {
			best = t
		}
	}
	return best
}

// textDrivesAboveKm: above this radius a text search starts from the text
// index rather than the point index (as in the SQLite backend).
const textDrivesAboveKm = 25

// searchDriver names the index a search starts from (the statements in
// searchDrivers) and, for the full-text index, its Lucene query: the start
// that likely keeps fewest offers. Unlike the SQLite backend, whose grid
// index makes the radius cheapest, organisation and district ids come first:
// they name fewest offers. Next comes offer_search whenever its query
// intersects more than the point index or a category index alone could:
// text, or a radius with another filter, or two filters. Every statement
// then applies the whole filter, so the choice changes the speed, never the
// result.
func searchDriver(f store.OfferFilter) (driver, lucene string) {
	clauses, cells := luceneClauses(f)
	text := len(directory.SearchTerms(f.Text)) > 0
	switch {
	case len(f.OrganisationIDs) > 0:
		return "provider", ""
	case len(f.DistrictIDs) > 0:
		return "district", ""
	case f.Near != nil && cells && len(clauses) > 1:
		return "lucene", strings.Join(clauses, " AND ")
	case f.Near != nil && (!text || f.Near.RadiusKm <= textDrivesAboveKm):
		return "near", ""
	case f.Municipality != "":
		return "municipality", ""
	case len(clauses) > 1 || len(clauses) == 1 && len(f.Categories) == 0:
		return "lucene", strings.Join(clauses, " AND ")
	case text:
		return "text", ""
	case len(f.Categories) > 0:
		return "category", ""
	default:
		return "all", ""
	}
}

// luceneExact are the parameters whose filter offer_search's query decides
// exactly: luceneClauses adds a clause for each that filters, every value is
// one token of the offer's searchKeys, and offer_upsert writes them with the
// offer. From the full-text start the filter block need not read them again
// (reading an offer's properties is most of the block's cost); text and
// radius are only a superset there and stay.
var luceneExact = []string{"categories", "statuses", "costs", "needs", "languages", "targetGroups",
	"legalCircuits", "childcare"}

// leaveToLucene turns the filters of luceneExact, and freePlacesOnly, off.
func leaveToLucene(params map[string]any) {
	for _, p := range luceneExact {
		params[p] = nil
	}
	params["freePlacesOnly"] = false
}

// SearchOffers filters, orders and pages offers in Neo4j: one statement
// returns the total and the page, so the filter runs once.
func (s *Store) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	driver, lucene := searchDriver(q.Filter)
	return s.searchFrom(ctx, q, driver, lucene)
}

// searchFrom runs a search from the given driver's statements.
func (s *Store) searchFrom(ctx context.Context, q store.OfferQuery, driver, lucene string) (store.OfferPage, error) {
	w, err := q.Page.Window(store.OfferOrdering(q.Order, q.Filter.Near))
	if err != nil {
		return store.OfferPage{}, err
	}
	st := searchDrivers[driver]
	params := searchParams(q, w)
	if lucene != "" {
		params["lucene"] = lucene
		leaveToLucene(params)
	}
	key := func(h store.OfferHit) store.Key { return store.OfferKey(q.Order, h) }
	var page store.OfferPage
	err = s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, st, params)
		if err != nil {
			return err
		}
		hits, err := decodeHits(get(rec, "page"))
		if err != nil {
			return err
		}
		// In the order the statement fetched them: w's, reversed when backward.
		slices.SortFunc(hits, func(a, b store.OfferHit) int {
			if w.Backward {
				a, b = b, a
			}
			return w.Compare(key(a), key(b))
		})
		page.Hits, page.PageInfo = store.FinishPage(w, hits, edges(rec), key)
		return nil
	})
	return page, err
}

// decodeHits decodes a search statement's page: a list of maps holding the
// offer and its distance.
func decodeHits(page any) ([]store.OfferHit, error) {
	list, _ := page.([]any)
	hits := make([]store.OfferHit, 0, len(list))
	for _, x := range list {
		r := row(asMap(x))
		o, err := decodeOffer(row(asMap(r["offer"])))
		if err != nil {
			return nil, err
		}
		hit := store.OfferHit{Offer: o}
		if d, ok := r["distanceKm"].(float64); ok {
			hit.DistanceKm = &d
		}
		hits = append(hits, hit)
	}
	return hits, nil
}
