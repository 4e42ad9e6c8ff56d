package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// textDrivesAboveKm: with both text and a radius larger than this, the
// trigram index yields fewer candidates than the bounding box, so it drives.
const textDrivesAboveKm = 25

// SearchOffers filters, orders and pages offers in one statement
// (sql/search_offers_page.sql); see store.OfferQuery. Pages are keyset
// windows of store.OfferOrdering.
func (s *Store) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	w, err := q.Page.Window(store.OfferOrdering(q.Order, q.Filter.Near))
	if err != nil {
		return store.OfferPage{}, err
	}
	args := searchArgs(q)
	hits, edges, err := s.searchOffers(ctx, slices.Concat(args, windowArgs(w, true), []any{sql.Named("limit", w.Fetch())}))
	if err != nil {
		return store.OfferPage{}, err
	}
	if len(hits) == 0 && (w.After != nil || w.Before != nil || w.Limit == 0) {
		// An empty page has no row for the total and flags to ride on: one row
		// of the whole result brings them. (Without cursors and limit, the
		// result is empty.)
		if _, edges, err = s.searchOffers(ctx, slices.Concat(args, windowArgs(w, false), []any{sql.Named("limit", 1)})); err != nil {
			return store.OfferPage{}, err
		}
	}
	if w.Backward {
		slices.Reverse(hits) // the statement gives the window's end in order; FinishPage reads from Before back
	}
	hits, info := store.FinishPage(w, hits, edges, func(h store.OfferHit) store.Key { return store.OfferKey(q.Order, h) })
	return store.OfferPage{Hits: hits, PageInfo: info}, nil
}

// finite turns the infinite distance of a cursor at an offer without a
// location (JSON has no infinity) into the largest float: beyond every
// distance, as the infinity is.
func finite(v any) any {
	if f, ok := v.(float64); ok && math.IsInf(f, 1) {
		return math.MaxFloat64
	}
	return v
}

func (s *Store) searchOffers(ctx context.Context, args []any) ([]store.OfferHit, store.Edges, error) {
	hits := []store.OfferHit{}
	var edges store.Edges
	query := stSearchOffersPage
	if args[0].(sql.NamedArg).Name == "near_only" {
		query, args = stSearchOffersNear, args[1:]
	}
	if err := query.check(args); err != nil {
		return hits, edges, err
	}
	st, err := s.readStmt(ctx, query.text)
	if err != nil {
		return hits, edges, fmt.Errorf("search offers: %w", err)
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return hits, edges, fmt.Errorf("search offers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var dist sql.NullFloat64
		o, err := scanOffer(rows, &dist, &edges.Total, &edges.UpToAfter, &edges.FromBefore)
		if err != nil {
			return hits, edges, err
		}
		h := store.OfferHit{Offer: o}
		if dist.Valid {
			d := dist.Float64
			h.DistanceKm = &d
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return hits, edges, fmt.Errorf("search offers: %w", err)
	}
	return hits, edges, nil
}

// searchArgs binds every parameter of sql/search_offers_page.sql but the window.
func searchArgs(q store.OfferQuery) []any {
	f := q.Filter
	order := q.Order
	if order == "" {
		order = store.OrderTitle
	}

	fts, short := textTerms(f.Text)
	driver := searchDriver(f, fts)
	terms := short
	if driver != "text" {
		terms = directory.SearchTerms(f.Text)
	}
	b := nearBox(f.Near)
	nearOn, lat, lon, radius := b.on, b.lat, b.lon, b.radius
	minLat, maxLat, minLon, maxLon, cells := b.minLat, b.maxLat, b.minLon, b.maxLon, b.cells

	var childcare any
	if f.Childcare != nil {
		childcare = boolInt(*f.Childcare)
	}
	groups := mask(directory.TargetGroups, f.TargetGroups)
	if groups != 0 {
		groups |= mask(directory.TargetGroups, []directory.TargetGroup{directory.GroupAll})
	}
	if nearOnly(q) {
		return []any{
			sql.Named("near_only", 1), // read by searchOffers, not bound
			sql.Named("cells", cells), sql.Named("lat", lat), sql.Named("lon", lon), sql.Named("radius_km", radius),
			sql.Named("min_lat", minLat), sql.Named("max_lat", maxLat), sql.Named("min_lon", minLon), sql.Named("max_lon", maxLon),
			sql.Named("statuses", filterList(f.Status)),
			sql.Named("needs_mask", mask(directory.NeedAreas, f.Needs)),
			sql.Named("target_groups_mask", groups),
			sql.Named("legal_circuits_mask", mask(directory.LegalCircuits, f.LegalCircuits)),
			sql.Named("age", nullInt(f.Age)),
			sql.Named("categories", filterList(f.Categories)),
			sql.Named("costs", filterList(f.Cost)),
			sql.Named("childcare", childcare),
			sql.Named("free_only", boolInt(f.FreePlacesOnly)),
			sql.Named("restricted", boolInt(f.Restricted)), sql.Named("own_org", f.OwnOrganisation),
		}
	}
	return []any{
		sql.Named("cells", cells),
		sql.Named("driver", driver), sql.Named("fts", fts), sql.Named("terms", filterList(terms)),
		sql.Named("near_on", nearOn), sql.Named("lat", lat), sql.Named("lon", lon), sql.Named("radius_km", radius),
		sql.Named("min_lat", minLat), sql.Named("max_lat", maxLat), sql.Named("min_lon", minLon), sql.Named("max_lon", maxLon),
		sql.Named("categories", filterList(f.Categories)),
		sql.Named("needs_mask", mask(directory.NeedAreas, f.Needs)),
		sql.Named("target_groups_mask", groups),
		sql.Named("languages", filterList(f.Languages)),
		sql.Named("district_ids", filterList(f.DistrictIDs)),
		sql.Named("organisation_ids", filterList(f.OrganisationIDs)),
		sql.Named("municipality", nullString(f.Municipality)),
		sql.Named("childcare", childcare),
		sql.Named("free_only", boolInt(f.FreePlacesOnly)),
		sql.Named("costs", filterList(f.Cost)),
		sql.Named("statuses", filterList(f.Status)),
		sql.Named("legal_circuits_mask", mask(directory.LegalCircuits, f.LegalCircuits)),
		sql.Named("age", nullInt(f.Age)),
		sql.Named("order", string(order)),
		sql.Named("restricted", boolInt(f.Restricted)), sql.Named("own_org", f.OwnOrganisation),
	}
}

// textTerms splits a search text: words of three or more characters go to
// the trigram index as fts (a phrase each; folded words hold only letters
// and digits, so no quoting issue); shorter ones it cannot answer are
// checked with instr.
func textTerms(text string) (fts any, short []string) {
	var indexed []string
	for _, t := range directory.SearchTerms(text) {
		if utf8.RuneCountInString(t) >= 3 {
			indexed = append(indexed, `"`+t+`"`)
		} else {
			short = append(short, t)
		}
	}
	if len(indexed) > 0 {
		fts = strings.Join(indexed, " AND ")
	}
	return fts, short
}

// searchDriver names the index that drives a search (see sql/search_offers_page.sql).
func searchDriver(f store.OfferFilter, fts any) string {
	switch {
	case f.Near != nil && (fts == nil || f.Near.RadiusKm <= textDrivesAboveKm):
		return "geo"
	case fts != nil:
		return "text"
	case len(f.OrganisationIDs) > 0:
		return "provider"
	case len(f.DistrictIDs) > 0:
		return "district"
	case f.Municipality != "":
		return "municipality"
	default:
		return "all"
	}
}

// box is a radius search's centre, bounding box and grid cells (on 0 and
// cells "[]" without one).
type box struct {
	on                             int64
	lat, lon, radius               float64
	minLat, maxLat, minLon, maxLon float64
	cells                          string
}

func nearBox(n *store.Near) box {
	if n == nil {
		return box{cells: "[]"}
	}
	b := box{on: 1, lat: n.Lat, lon: n.Lon, radius: n.RadiusKm}
	b.minLat, b.maxLat, b.minLon, b.maxLon = directory.BoundingBox(directory.GeoPoint{Lat: n.Lat, Lon: n.Lon}, n.RadiusKm)
	if b.minLon < -180 || b.maxLon > 180 {
		// The box crosses the antimeridian: narrow by latitude only.
		b.minLon, b.maxLon = -180, 180
	}
	b.minLat, b.maxLat = max(b.minLat, -90), min(b.maxLat, 90)
	b.cells = cellRanges(b.minLat, b.maxLat, b.minLon, b.maxLon)
	return b
}

// nearOnly reports whether q is a radius search ordered by distance whose
// filters the grid index covers, so that sql/search_offers_near.sql answers
// it without reading rows it then discards (matching's candidate search).
func nearOnly(q store.OfferQuery) bool {
	f := q.Filter
	return f.Near != nil && q.Order == store.OrderDistance && f.Text == "" && len(f.Languages) == 0 &&
		len(f.DistrictIDs) == 0 && len(f.OrganisationIDs) == 0 && f.Municipality == ""
}

// gridPerDegree is the grid of migration 0003: cells of 1/20 degree, numbered
// latitude row × 10000 + longitude column.
const gridPerDegree = 20

func gridRow(lat float64) int64 { return int64((lat + 90) * gridPerDegree) }
func gridCol(lon float64) int64 { return int64((lon + 180) * gridPerDegree) }

// cellRanges lists, as JSON [[lo,hi],…], the cell-number ranges that cover a
// bounding box: one contiguous range per row of cells.
func cellRanges(minLat, maxLat, minLon, maxLon float64) string {
	var b strings.Builder
	b.WriteByte('[')
	lo, hi := gridCol(minLon), gridCol(maxLon)
	for r := gridRow(minLat); r <= gridRow(maxLat); r++ {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "[%d,%d]", r*10000+lo, r*10000+hi)
	}
	b.WriteByte(']')
	return b.String()
}
