package neo4j

import (
	"math"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// destination is the point d km from c at the bearing (radians), on the
// sphere of directory.DistanceKm.
func destination(c directory.GeoPoint, d, bearing float64) directory.GeoPoint {
	const rad = math.Pi / 180
	a := d / directory.EarthRadiusKm
	lat1, lon1 := c.Lat*rad, c.Lon*rad
	lat2 := math.Asin(math.Sin(lat1)*math.Cos(a) + math.Cos(lat1)*math.Sin(a)*math.Cos(bearing))
	lon2 := lon1 + math.Atan2(math.Sin(bearing)*math.Sin(a)*math.Cos(lat1), math.Cos(a)-math.Sin(lat1)*math.Sin(lat2))
	return directory.GeoPoint{Lat: lat2 / rad, Lon: lon2 / rad}
}

// TestCoveringCellsHoldEveryPointInside: every point within the radius lies
// in one of the covering cells, at the level the covering chose — also
// points on the circle itself, far north and south, west of Greenwich.
func TestCoveringCellsHoldEveryPointInside(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	checked := 0
	for i := 0; i < 3000; i++ {
		c := directory.GeoPoint{Lat: rng.Float64()*150 - 75, Lon: rng.Float64()*340 - 170}
		r := math.Exp(rng.Float64()*math.Log(1000/0.05)) * 0.05 // 50 m … 1000 km
		cells := coveringCells(c, r)
		if len(cells) == 0 {
			continue // pole or antimeridian: no cell clause
		}
		lv, _, _ := strings.Cut(strings.TrimPrefix(cells[0], "cell"), "_")
		level, err := strconv.Atoi(lv)
		if err != nil {
			t.Fatalf("cell token %s", cells[0])
		}
		if level < 0 || len(cells) > maxQueryCells {
			t.Fatalf("covering %v of %.3f km: level %d, %d cells", c, r, level, len(cells))
		}
		set := map[string]bool{}
		for _, x := range cells {
			set[x] = true
		}
		sLat, sLon := cellStep(level)
		for j := 0; j < 40; j++ {
			d := r * math.Sqrt(rng.Float64())
			if j < 8 {
				d = r // on the circle
			}
			p := destination(c, d, rng.Float64()*2*math.Pi)
			if directory.DistanceKm(c, p) > r {
				continue
			}
			tok := cellToken(level, int(math.Floor(p.Lat/sLat)), int(math.Floor(p.Lon/sLon)))
			if !set[tok] {
				t.Fatalf("point %v, %.6f km from %v (radius %.6f km), lies in %s, not among the %d covering cells",
					p, directory.DistanceKm(c, p), c, r, tok, len(cells))
			}
			checked++
		}
	}
	if checked < 10000 {
		t.Fatalf("only %d points checked", checked)
	}
}

// TestCoveringCellsNearlyFitTheCircle: the covering of the benchmark's
// radius is not much more than the circle (a coarser grid would still be
// right, only slower) and uses the fine levels: level 2 for its 15 km,
// level 0 for matchOffers' first 3 km.
func TestCoveringCellsNearlyFitTheCircle(t *testing.T) {
	c := directory.GeoPoint{Lat: 51.17, Lon: 7.08}
	if near := coveringCells(c, 3); !strings.HasPrefix(near[0], "cell0_") {
		t.Errorf("3 km covered at %s, want level 0", near[0])
	}
	cells := coveringCells(c, 15)
	sLat, sLon := cellStep(2)
	if !strings.HasPrefix(cells[0], "cell2_") {
		t.Fatalf("15 km covered at %s, want level 2 (%.2f° × %.3f°)", cells[0], sLat, sLon)
	}
	cellKm2 := sLat * 111.19 * sLon * 111.19 * math.Cos(c.Lat*math.Pi/180)
	if area, circle := float64(len(cells))*cellKm2, math.Pi*15*15; area > 1.5*circle {
		t.Errorf("%d cells cover %.0f km², the circle is %.0f km²", len(cells), area, circle)
	}
	for _, far := range []directory.GeoPoint{{Lat: 89.9, Lon: 0}, {Lat: 10, Lon: 179.99}, {Lat: -10, Lon: -179.99}} {
		if got := coveringCells(far, 20); got != nil {
			t.Errorf("coveringCells(%v, 20) = %d cells, want none (pole or antimeridian)", far, len(got))
		}
	}
}

func TestLuceneEscape(t *testing.T) {
	got := luceneEscape(`a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\n/o p`)
	want := `a\+b\-c\&\&d\|\|e\!\(f\)\{g\}\[h\]\^\"i\"\~j\*k\?l\:m\\n\/o\ p`
	if got != want {
		t.Errorf("luceneEscape = %s\nwant           %s", got, want)
	}
	if got := luceneEscape("müttercafé42"); got != "müttercafé42" {
		t.Errorf("letters and digits changed: %s", got)
	}
}

func TestOfferSearchKeys(t *testing.T) {
	five := 5
	o := directory.Offer{ID: "o", Title: "Mütter-Café", Status: directory.StatusActive, Category: "MEETING_PLACE",
		Cost: directory.CostFree, Childcare: true, Needs: []directory.NeedArea{"LANGUAGE", "FAMILY_CHILDCARE"},
		TargetGroups: []directory.TargetGroup{"WOMEN"}, Languages: []string{"ar", "de"}, FreePlaces: &five,
		Location: &directory.GeoPoint{Lat: 51.1657, Lon: -7.0674}}
	keys := strings.Fields(offerSearchKeys(o))
	for _, want := range []string{"k3", "status_ACTIVE", "category_MEETING_PLACE", "cost_FREE", "childcare_true",
		"need_LANGUAGE", "need_FAMILY_CHILDCARE", "group_WOMEN", "lang_ar", "lang_de", "circuit_none", "free_places",
		"cell0_5116_-442", "cell1_2558_-221"} {
		if !slices.Contains(keys, want) {
			t.Errorf("keys %v lack %s", keys, want)
		}
	}
	if keys[0] != searchKeysVersion || slices.Contains(keys, "longword") {
		t.Errorf("keys = %v", keys)
	}
	o.Description = strings.Repeat("x", longWordBytes)
	o.LegalCircuits = []directory.LegalCircuit{"SGB_II"}
	o.FreePlaces, o.Location = nil, nil
	keys = strings.Fields(offerSearchKeys(o))
	if !slices.Contains(keys, "longword") || !slices.Contains(keys, "circuit_SGB_II") || slices.Contains(keys, "circuit_none") ||
		slices.Contains(keys, "free_places") || strings.Contains(strings.Join(keys, " "), "cell") {
		t.Errorf("keys = %v", keys)
	}
}

// TestSearchDriver: which index a search starts from, and the Lucene query
// of the full-text start.
func TestSearchDriver(t *testing.T) {
	near := &store.Near{Lat: 51.17, Lon: 7.08, RadiusKm: 15}
	active := []directory.OfferStatus{directory.StatusActive}
	for _, tc := range []struct {
		name string
		f    store.OfferFilter
		want string
	}{
		{"nothing", store.OfferFilter{}, "all"},
		{"provider first", store.OfferFilter{OrganisationIDs: []string{"o"}, Text: "beratung", Near: near}, "provider"},
		{"district next", store.OfferFilter{DistrictIDs: []string{"d"}, Text: "beratung"}, "district"},
		{"benchmark: text, needs, radius, status", store.OfferFilter{Text: "beratung", Needs: []directory.NeedArea{"WORK"}, Near: near, Status: active}, "lucene"},
		{"radius and status", store.OfferFilter{Near: near, Status: active}, "lucene"},
		{"radius alone", store.OfferFilter{Near: near}, "near"},
		{"radius over a pole", store.OfferFilter{Near: &store.Near{Lat: 89.9, Lon: 0, RadiusKm: 50}, Status: active}, "near"},
		{"municipality and status", store.OfferFilter{Municipality: "Solingen", Status: active}, "municipality"},
		{"text alone", store.OfferFilter{Text: "beratung"}, "lucene"},
		{"a term too long for Lucene", store.OfferFilter{Text: strings.Repeat("a", longWordBytes)}, "text"},
		{"one category", store.OfferFilter{Categories: []directory.OfferCategory{"CHILDCARE"}}, "category"},
		{"category and status", store.OfferFilter{Categories: []directory.OfferCategory{"CHILDCARE"}, Status: active}, "lucene"},
		{"age only", store.OfferFilter{Age: new(int)}, "all"},
	} {
		if got, _ := searchDriver(tc.f); got != tc.want {
			t.Errorf("%s: driver %s, want %s", tc.name, got, tc.want)
		}
	}
	yes := true
	_, q := searchDriver(store.OfferFilter{Text: "Mütter-Café", Status: active, TargetGroups: []directory.TargetGroup{"WOMEN"},
		LegalCircuits: []directory.LegalCircuit{"SGB_II"}, Childcare: &yes, FreePlacesOnly: true})
	want := "(searchText:*mutter* OR searchKeys:longword) AND (searchText:*cafe* OR searchKeys:longword) AND " +
		"searchKeys:(status_ACTIVE) AND searchKeys:(group_WOMEN OR group_ALL) AND searchKeys:(circuit_SGB_II OR circuit_none) AND " +
		"searchKeys:(childcare_true) AND searchKeys:free_places"
	if q != want {
		t.Errorf("lucene query\n%s\nwant\n%s", q, want)
	}
}

// TestLuceneDecidesExactly: every filter the full-text start leaves to its
// Lucene query (luceneExact) has its clause there, under the parameter name
// the statements read, so that turning the parameter off loses no filter.
func TestLuceneDecidesExactly(t *testing.T) {
	yes := true
	cases := map[string]struct {
		f     store.OfferFilter
		token string
	}{
		"categories":     {store.OfferFilter{Categories: []directory.OfferCategory{"CHILDCARE"}}, "category_CHILDCARE"},
		"statuses":       {store.OfferFilter{Status: []directory.OfferStatus{"ACTIVE"}}, "status_ACTIVE"},
		"costs":          {store.OfferFilter{Cost: []directory.Cost{"FREE"}}, "cost_FREE"},
		"needs":          {store.OfferFilter{Needs: []directory.NeedArea{"WORK"}}, "need_WORK"},
		"languages":      {store.OfferFilter{Languages: []string{"ar"}}, "lang_ar"},
		"targetGroups":   {store.OfferFilter{TargetGroups: []directory.TargetGroup{"WOMEN"}}, "group_WOMEN"},
		"legalCircuits":  {store.OfferFilter{LegalCircuits: []directory.LegalCircuit{"SGB_II"}}, "circuit_SGB_II"},
		"childcare":      {store.OfferFilter{Childcare: &yes}, "childcare_true"},
		"freePlacesOnly": {store.OfferFilter{FreePlacesOnly: true}, "free_places"},
	}
	for _, p := range luceneExact {
		if _, ok := cases[p]; !ok {
			t.Errorf("luceneExact holds %s, which this test does not check", p)
		}
	}
	for param, tc := range cases {
		clauses, _ := luceneClauses(tc.f)
		if !strings.Contains(strings.Join(clauses, " AND "), tc.token) {
			t.Errorf("%s: no clause with %s in %q", param, tc.token, clauses)
		}
		params := offerFilterParams(tc.f)
		if params[param] == nil || params[param] == false {
			t.Errorf("%s: the filter sets no parameter %s: %v", param, param, params)
		}
		leaveToLucene(params)
		if params[param] != nil && params[param] != false {
			t.Errorf("%s: still filters after leaveToLucene: %v", param, params[param])
		}
	}
}
