package neo4j

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// The full-text index offer_search (Lucene, whitespace analyzer) holds two
// properties of every offer: searchText (directory.Fold of title and
// description: words of letters and digits, one space apart) and searchKeys,
// the tokens below, one per filterable value, plus the grid cells of the
// offer's location. One Lucene query then intersects text, vocabulary and
// place, which no single Neo4j index can; its hits are a superset of the
// search's result, which the statement's filter block then decides exactly.

// searchKeysVersion is the first token of searchKeys: offers keyed under
// another scheme are keyed anew when the store opens (rekeyOffers).
const searchKeysVersion = "k3" // k2: offers carry gapKey too; k3: gapKey g2

// longWordBytes: Lucene cuts a token after 255 UTF-16 units. An offer with a
// word at least this long (in UTF-8 bytes, never fewer than its UTF-16
// units) is keyed longword, and every text clause admits it, so that
// cutting loses nothing; a search term this long is left to CONTAINS.
const longWordBytes = 200

// Grid cells: level k is a grid of cellStepDeg·2^k degrees of latitude by
// cellLonFactor times that of longitude (about square in NRW). A radius
// search takes the finest level whose cells over the circle's bounding box
// number at most maxQueryCells: few terms cost Lucene less than a tight
// cover saves (NRW, 15 km: 49 cells of 0.04° took 0.5 ms less than 171 of
// 0.02°, though they admit 567 offers instead of 502).
const (
	cellLevels    = 10
	cellStepDeg   = 0.01
	cellLonFactor = 1.6
	maxQueryCells = 64
)

func cellStep(level int) (lat, lon float64) {
	lat = cellStepDeg * float64(int(1)<<level)
	return lat, lat * cellLonFactor
}

func cellToken(level int, a, b int) string {
	return "cell" + strconv.Itoa(level) + "_" + strconv.Itoa(a) + "_" + strconv.Itoa(b)
}

// offerSearchKeys is the searchKeys property of o.
func offerSearchKeys(o directory.Offer) string {
	keys := []string{searchKeysVersion, "status_" + string(o.Status), "category_" + string(o.Category),
		"cost_" + string(o.Cost), "childcare_" + strconv.FormatBool(o.Childcare)}
	add := func(prefix string, values []string) {
		for _, v := range values {
			keys = append(keys, prefix+v)
		}
	}
	add("need_", strings_(o.Needs))
	add("group_", strings_(o.TargetGroups))
	add("lang_", o.Languages)
	add("circuit_", strings_(o.LegalCircuits))
	if len(o.LegalCircuits) == 0 {
		keys = append(keys, "circuit_none")
	}
	if o.FreePlaces != nil && *o.FreePlaces > 0 {
		keys = append(keys, "free_places")
	}
	for _, w := range strings.Fields(directory.Fold(o.Title + " " + o.Description)) {
		if len(w) >= longWordBytes {
			keys = append(keys, "longword")
			break
		}
	}
	if g := o.Location; g != nil {
		for k := range cellLevels {
			dLat, dLon := cellStep(k)
			keys = append(keys, cellToken(k, int(math.Floor(g.Lat/dLat)), int(math.Floor(g.Lon/dLon))))
		}
	}
	return strings.Join(keys, " ")
}

// luceneSpecial holds the characters Lucene's query parser gives a meaning.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// luceneEscape escapes s for Lucene's query parser, so that user text is
// always a term and never syntax.
func luceneEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) || r == ' ' || r == '\t' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// anyKey is the clause "searchKeys holds one of prefix+values".
func anyKey(prefix string, values []string) string {
	terms := make([]string, len(values))
	for i, v := range values {
		terms[i] = luceneEscape(prefix + v)
	}
	return "searchKeys:(" + strings.Join(terms, " OR ") + ")"
}

// luceneClauses returns the offer_search clauses that f implies, each
// admitting every offer f matches (and possibly more), and whether one of
// them is a radius's cells. Filters without a clause (age, district,
// municipality, provider, visibility) are left to the filter block, as are
// terms too long for a Lucene token.
func luceneClauses(f store.OfferFilter) (clauses []string, cells bool) {
	for _, t := range directory.SearchTerms(f.Text) {
		if len(t) < longWordBytes {
			clauses = append(clauses, "(searchText:*"+luceneEscape(t)+"* OR searchKeys:longword)")
		}
	}
	add := func(prefix string, values []string) {
		if len(values) > 0 {
			clauses = append(clauses, anyKey(prefix, values))
		}
	}
	add("status_", strings_(f.Status))
	add("category_", strings_(f.Categories))
	add("cost_", strings_(f.Cost))
	add("need_", strings_(f.Needs))
	add("lang_", f.Languages)
	if len(f.TargetGroups) > 0 {
		add("group_", targetGroupsParam(f.TargetGroups))
	}
	if len(f.LegalCircuits) > 0 {
		add("circuit_", append(strings_(f.LegalCircuits), "none"))
	}
	if f.Childcare != nil {
		clauses = append(clauses, anyKey("childcare_", []string{strconv.FormatBool(*f.Childcare)}))
	}
	if f.FreePlacesOnly {
		clauses = append(clauses, "searchKeys:free_places")
	}
	if n := f.Near; n != nil {
		if c := coveringCells(directory.GeoPoint{Lat: n.Lat, Lon: n.Lon}, n.RadiusKm); len(c) > 0 {
			clauses = append(clauses, anyKey("", c))
			cells = true
		}
	}
	return clauses, cells
}

// coveringCells returns the tokens of the grid cells that hold every point
// within radiusKm of c (directory.DistanceKm, a metre to spare), at the
// finest level with at most maxQueryCells in the circle's bounding box; nil
// when the circle reaches a pole or the antimeridian, or is too large.
func coveringCells(c directory.GeoPoint, radiusKm float64) []string {
	const rad = math.Pi / 180
	r := radiusKm*(1+1e-6) + 0.001
	d := r / directory.EarthRadiusKm // the radius as an angle
	if d >= math.Pi/2-math.Abs(c.Lat*rad)-1e-9 {
		return nil
	}
	// The bounding box: no point within d lies further in latitude than d,
	// nor further in longitude than asin(sin d / cos lat).
	dLat := d / rad
	dLon := math.Asin(math.Sin(d)/math.Cos(c.Lat*rad)) / rad
	if c.Lon-dLon <= -180 || c.Lon+dLon >= 180 {
		return nil
	}
	for k := range cellLevels {
		sLat, sLon := cellStep(k)
		a0, a1 := int(math.Floor((c.Lat-dLat)/sLat)), int(math.Floor((c.Lat+dLat)/sLat))
		b0, b1 := int(math.Floor((c.Lon-dLon)/sLon)), int(math.Floor((c.Lon+dLon)/sLon))
		if (a1-a0+1)*(b1-b0+1) > maxQueryCells {
			continue
		}
		var cells []string
		for a := a0; a <= a1; a++ {
			for b := b0; b <= b1; b++ {
				if cellNearestKm(c, float64(a)*sLat, float64(a+1)*sLat, float64(b)*sLon, float64(b+1)*sLon) <= r {
					cells = append(cells, cellToken(k, a, b))
				}
			}
		}
		return cells
	}
	return nil
}

// cellNearestKm is the distance from c to the nearest point of the cell
// [lat0, lat1] × [lon0, lon1]. For every latitude the distance grows with
// the difference in longitude, so the nearest point lies on the cell's
// nearest meridian; along a meridian it falls, then rises, with its least
// at latitude atan(tan lat_c / cos Δlon), clamped into the cell.
func cellNearestKm(c directory.GeoPoint, lat0, lat1, lon0, lon1 float64) float64 {
	const rad = math.Pi / 180
	lon := math.Min(math.Max(c.Lon, lon0), lon1)
	lat := math.Atan(math.Tan(c.Lat*rad)/math.Cos((lon-c.Lon)*rad)) / rad
	lat = math.Min(math.Max(lat, lat0), lat1)
	return directory.DistanceKm(c, directory.GeoPoint{Lat: lat, Lon: lon})
}

// rekeyBatch is how many offers one transaction of rekeyOffers keys.
const rekeyBatch = 2000

// prepareOfferSearch keys every offer stored before the current scheme of
// searchKeys, walking all offers by id in batches (each its own
// transaction, so a large directory needs no large transaction), and then
// waits until offer_search is online. Until both are done a search through
// the index could miss offers, so Open waits for them.
func (s *Store) prepareOfferSearch(ctx context.Context) error {
	var stale bool
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, stOffersSearchKeysStale, searchKeysVersionParam())
		stale = len(recs) > 0
		return err
	})
	for after := ""; err == nil && stale; {
		var n int
		err = s.writeWithin(ctx, s.timeout, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
			recs, err := run(ctx, tx, stOffersAfter, offersAfterParams(after))
			if err != nil {
				return err
			}
			rows := make([]any, len(recs))
			for i, rec := range recs {
				o, err := decodeOffer(asRow(rec, "offer"))
				if err != nil {
					return err
				}
				rows[i] = searchKeysRow(o)
				after = o.ID
			}
			n = len(recs)
			_, err = run(ctx, tx, stOfferSearchKeysSet, rowsParam(rows))
			return err
		})
		stale = n == rekeyBatch
	}
	if err != nil {
		return fmt.Errorf("keying offers for offer_search: %w", err)
	}
	return s.session(ctx, neo4j.AccessModeRead, s.importTimeout, func(ctx context.Context, sess neo4j.SessionWithContext) error {
		_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return run(ctx, tx, stOfferSearchAwait, awaitParams(s.importTimeout))
		})
		return err
	})
}

func searchKeysVersionParam() map[string]any { return map[string]any{"version": searchKeysVersion} }
func offersAfterParams(after string) map[string]any {
	return map[string]any{"after": after, "limit": rekeyBatch}
}
func searchKeysRow(o directory.Offer) map[string]any {
	return map[string]any{"id": o.ID, "keys": offerSearchKeys(o), "gapKey": offerGapKey(o)}
}
func awaitParams(d time.Duration) map[string]any {
	return map[string]any{"seconds": int64(d / time.Second)}
}
