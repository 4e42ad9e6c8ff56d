package neo4j

import (
	"context"

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
