package neo4j

import (
	"context"
	"math/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// searchNetwork stores the demo network plus two offers the demo lacks: one
// south-west of (0, 0), whose grid cells are negative (escaped for Lucene),
// and one with a word longer than a Lucene token.
func searchNetwork(t *testing.T, s *Store) directory.Snapshot {
	t.Helper()
	snap := demo.Demo()
	far := snap.Offers[0]
	far.ID, far.Title, far.DistrictID = "off-far", "Beratung am Río de la Plata", ""
	far.Location = &directory.GeoPoint{Lat: -34.6, Lon: -58.4}
	long := snap.Offers[1]
	long.ID, long.Title = "off-longword", "Langes Wort"
	long.Description = strings.Repeat("x", 300) + "quokkaberatung" + strings.Repeat("y", 50)
	snap.Offers = append(snap.Offers, far, long)
	if err := s.Import(context.Background(), snap); err != nil {
		t.Fatal(err)
	}
	return snap
}

// randomFilters builds filters from the network's own words, substrings of
// them, codes and places, so that most match something.
func randomFilters(snap directory.Snapshot, n int) []store.OfferFilter {
	rng := rand.New(rand.NewSource(7))
	pick := func(o directory.Offer) string {
		words := strings.Fields(directory.Fold(o.Title + " " + o.Description))
		w := words[rng.Intn(len(words))]
		if len(w) > 5 && rng.Intn(2) == 0 { // a piece from inside a word
			i := rng.Intn(len(w) - 4)
			w = w[i : i+4]
		}
		return w
	}
	radii := []float64{0.5, 2, 5, 15, 60, 300}
	var fs []store.OfferFilter
	for len(fs) < n {
		o := snap.Offers[rng.Intn(len(snap.Offers))]
		var f store.OfferFilter
		if rng.Intn(3) > 0 {
			f.Text = pick(o)
			if rng.Intn(3) == 0 {
				f.Text += " " + pick(snap.Offers[rng.Intn(len(snap.Offers))])
			}
		}
		if rng.Intn(2) == 0 && len(o.Needs) > 0 {
			f.Needs = []directory.NeedArea{o.Needs[0], "HOUSING"}
		}
		if rng.Intn(2) == 0 {
			f.Status = []directory.OfferStatus{directory.StatusActive}
		}
		if c := o.Location; c != nil && rng.Intn(2) == 0 {
			f.Near = &store.Near{Lat: c.Lat + rng.Float64()*0.05, Lon: c.Lon - rng.Float64()*0.05, RadiusKm: radii[rng.Intn(len(radii))]}
		}
		switch rng.Intn(8) {
		case 0:
			f.Categories = []directory.OfferCategory{o.Category}
		case 1:
			f.Languages = o.Languages
		case 2:
			f.TargetGroups = o.TargetGroups
		case 3:
			f.LegalCircuits = []directory.LegalCircuit{"SGB_II"}
		case 4:
			f.Childcare = &o.Childcare
		case 5:
			f.FreePlacesOnly = true
		case 6:
			f.Cost = []directory.Cost{o.Cost}
		}
		fs = append(fs, f)
	}
	return append(fs,
		store.OfferFilter{Text: "beratungsstelle"},                                             // only inside the long word
		store.OfferFilter{Text: "aires", Status: []directory.OfferStatus{"ACTIVE", "PLANNED"}}, // the far offer
		store.OfferFilter{Near: &store.Near{Lat: -34.61, Lon: -58.41, RadiusKm: 5}, Text: "beratung"})
}

func hitIDs(p store.OfferPage) []string {
	ids := make([]string, len(p.Hits))
	for i, h := range p.Hits {
		ids[i] = h.Offer.ID
	}
	return ids
}

// TestSearchStartsAgree: whichever index a search starts from — above all
// the full-text index with its Lucene query — Neo4j finds exactly what the
// embedded store finds, with the same total, for the demo network and a
// hundred filters of its own words, pieces of words, codes and places.
func TestSearchStartsAgree(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	snap := searchNetwork(t, s)
	ref, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	if err := ref.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	used := map[string]int{}
	for _, f := range randomFilters(snap, 100) {
		q := store.OfferQuery{Filter: f, Page: store.Page{First: 50}}
		driver, lucene := searchDriver(f)
		used[driver]++
		got, err := s.SearchOffers(ctx, q)
		if err != nil {
			t.Fatalf("%+v from %s (%s): %v", f, driver, lucene, err)
		}
		want, err := ref.SearchOffers(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got.TotalCount != want.TotalCount || !slices.Equal(hitIDs(got), hitIDs(want)) {
			t.Errorf("filter %+v from %s (%s): total %d %v, the embedded store finds %d %v",
				f, driver, lucene, got.TotalCount, hitIDs(got), want.TotalCount, hitIDs(want))
		}
	}
	if used["lucene"] < 50 {
		t.Errorf("starts used: %v", used)
	}
	for text, want := range map[string]string{"quokka": "off-longword", "rio plata": "off-far"} {
		p, err := s.SearchOffers(ctx, store.OfferQuery{Filter: store.OfferFilter{Text: text}, Page: store.Page{First: 10}})
		if err != nil || !slices.Equal(hitIDs(p), []string{want}) {
			t.Errorf("text %q: %v, %v; want %s", text, hitIDs(p), err, want)
		}
	}
}

// TestOpenKeysOldOffers: offers stored before searchKeys existed (or under
// another version) are keyed when the store opens, so the full-text start
// finds them.
func TestOpenKeysOldOffers(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	snap := searchNetwork(t, s)
	strip := &statement{name: "strip", text: "MATCH (o:Offer) WITH o, o.id ENDS WITH '1' AS old " +
		"CALL (o, old) { WITH o WHERE old SET o.searchKeys = 'k0 status_ACTIVE' } " +
		"CALL (o, old) { WITH o WHERE NOT old REMOVE o.searchKeys }"}
	if err := s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		_, err := run(ctx, tx, strip, nil)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	q := store.OfferQuery{Filter: store.OfferFilter{Status: []directory.OfferStatus{directory.StatusActive},
		Text: "beratung"}, Page: store.Page{First: 1}}
	if driver, _ := searchDriver(q.Filter); driver != "lucene" {
		t.Fatalf("driver %s", driver)
	}
	want, err := s.searchFrom(ctx, q, "all", "")
	if err != nil {
		t.Fatal(err)
	}
	if p, err := s.SearchOffers(ctx, q); err != nil || p.TotalCount >= want.TotalCount {
		t.Fatalf("before reopening, the full-text start finds %d of %d (%v): the test keys nothing out", p.TotalCount, want.TotalCount, err)
	}
	cfg, _ := testConfig()
	reopened, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	got, err := reopened.SearchOffers(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if got.TotalCount == 0 || got.TotalCount != want.TotalCount {
		t.Errorf("after reopening: %d found, the scan finds %d (of %d offers)", got.TotalCount, want.TotalCount, len(snap.Offers))
	}
}

// TestSearchReadsIDsOfOldOffers: an offer stored before providerId and
// districtId were kept as its properties still comes back from a search with
// both ids (from its relationships), and a stored one with them as written.
func TestSearchReadsIDsOfOldOffers(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	snap := searchNetwork(t, s)
	strip := &statement{name: "strip", text: "MATCH (o:Offer) WHERE o.id ENDS WITH '1' REMOVE o.providerId, o.districtId"}
	if err := s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		_, err := run(ctx, tx, strip, nil)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	want := map[string]directory.Offer{}
	for _, o := range snap.Offers {
		want[o.ID] = o
	}
	p, err := s.SearchOffers(ctx, store.OfferQuery{Page: store.Page{First: store.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	old, withDistrict := 0, 0
	for _, h := range p.Hits {
		o := want[h.Offer.ID]
		if h.Offer.ProviderID != o.ProviderID || h.Offer.DistrictID != o.DistrictID {
			t.Errorf("offer %s: provider %q, district %q; stored %q, %q", o.ID, h.Offer.ProviderID, h.Offer.DistrictID, o.ProviderID, o.DistrictID)
		}
		if strings.HasSuffix(o.ID, "1") {
			old++
		}
		if o.DistrictID != "" {
			withDistrict++
		}
	}
	if len(p.Hits) != min(len(snap.Offers), store.MaxPageSize) || old == 0 || withDistrict == 0 {
		t.Fatalf("%d of %d offers found, %d of them stripped, %d with a district", len(p.Hits), len(snap.Offers), old, withDistrict)
	}
}

// TestSearchEmptyPageKeepsTotal: a page after the last match is empty but
// still carries the total and hasPreviousPage (the one statement's row of
// counts survives an empty page), from every start, as on the embedded store.
func TestSearchEmptyPageKeepsTotal(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	snap := searchNetwork(t, s)
	ref, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	if err := ref.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	tested := 0
	for _, f := range randomFilters(snap, 20) {
		q := store.OfferQuery{Filter: f, Page: store.Page{First: store.MaxPageSize}}
		all, err := ref.SearchOffers(ctx, q)
		if err != nil || all.TotalCount == 0 || all.TotalCount > len(all.Hits) {
			continue
		}
		tested++
		q.Page = store.Page{First: 5, After: all.Cursors[len(all.Cursors)-1]}
		want, err := ref.SearchOffers(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		driver, _ := searchDriver(f)
		got, err := s.SearchOffers(ctx, q)
		if err != nil {
			t.Fatalf("%+v from %s: %v", f, driver, err)
		}
		if len(got.Hits) != 0 || got.TotalCount != want.TotalCount || got.HasPreviousPage != want.HasPreviousPage ||
			got.HasNextPage != want.HasNextPage || !want.HasPreviousPage {
			t.Errorf("filter %+v from %s, after the last: %d hits, %+v; the embedded store: %d hits, %+v",
				f, driver, len(got.Hits), got.PageInfo, len(want.Hits), want.PageInfo)
		}
	}
	if tested < 5 {
		t.Errorf("only %d filters tested", tested)
	}
}
