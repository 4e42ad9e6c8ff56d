package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// Benchmarks of the steering reads over a synthetic network. Defaults:
// 10 municipalities × 3,000 offers (30,000), 15,000 organisations, 50,000
// cooperations. LOTSE_BENCH_MUNICIPALITIES=54 gives NRW scale (162,000 offers).
//
//	go test -run '^$' -bench 'GapFacts|CooperationGraph|Neighbourhood' -benchtime 200x ./internal/store/sqlite/

const (
	benchOffersPerMunicipality = 3000
	benchDistrictsPerMun       = 10
	benchOrgsTotal             = 15000
	benchCoopsTotal            = 50000
)

func benchMunicipalities() int {
	if n, err := strconv.Atoi(os.Getenv("LOTSE_BENCH_MUNICIPALITIES")); err == nil && n > 0 {
		return n
	}
	return 10
}

// benchSnapshot builds a reproducible network: each municipality a 12×12 km
// square in NRW with its districts, organisations, offers and cooperations.
func benchSnapshot(muns int) directory.Snapshot {
	rng := rand.New(rand.NewPCG(1, 2))
	snap := directory.Snapshot{Format: directory.SnapshotFormat}
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	orgsPerMun := benchOrgsTotal / muns
	pick := func(n int) int { return rng.IntN(n) }
	cats := directory.OfferCategories
	langs := []string{"de", "de", "de", "en", "ar", "tr", "uk", "ru", "fa", "ps", "ku", "pl", "ro"}
	for m := range muns {
		mun := fmt.Sprintf("Stadt-%02d", m)
		lat0, lon0 := 50.4+float64(m%9)*0.25, 6.0+float64(m/9)*0.35
		for d := range benchDistrictsPerMun {
			snap.Districts = append(snap.Districts, directory.District{ID: fmt.Sprintf("d-%02d-%d", m, d),
				Name: fmt.Sprintf("Bezirk %d", d), Municipality: mun, Population: 20000})
		}
		for o := range orgsPerMun {
			snap.Organisations = append(snap.Organisations, directory.Organisation{
				ID: fmt.Sprintf("org-%02d-%04d", m, o), Name: fmt.Sprintf("Träger %d/%d", m, o),
				Kind: directory.OrganisationKinds[pick(len(directory.OrganisationKinds))], Municipality: mun,
				DistrictID: fmt.Sprintf("d-%02d-%d", m, pick(benchDistrictsPerMun)), UpdatedAt: at})
		}
		for i := range benchOffersPerMunicipality {
			cat := cats[pick(len(cats))]
			if pick(4) == 0 { // courses and childcare are common
				cat = []directory.OfferCategory{directory.CategoryIntegrationCourse, directory.CategoryLanguageCourse,
					directory.CategoryChildcare, directory.CategoryPassageGroup}[pick(4)]
			}
			capacity, free := 5+pick(25), 0
			if pick(5) > 0 {
				free = pick(capacity + 1)
			}
			status := directory.StatusActive
			if r := pick(10); r == 0 {
				status = directory.StatusPlanned
			} else if r == 1 {
				status = directory.StatusPaused
			}
			o := directory.Offer{
				ID: fmt.Sprintf("off-%02d-%05d", m, i), ProviderID: fmt.Sprintf("org-%02d-%04d", m, pick(orgsPerMun)),
				Title: fmt.Sprintf("Angebot %d", i), Category: cat,
				Needs:        []directory.NeedArea{directory.NeedAreas[pick(len(directory.NeedAreas))]},
				TargetGroups: []directory.TargetGroup{directory.GroupAll}, Languages: []string{"de"},
				Childcare: pick(3) == 0, Cost: directory.CostFree, Capacity: &capacity, FreePlaces: &free,
				Funding: directory.Fundings[pick(3)], Status: status,
				DistrictID: fmt.Sprintf("d-%02d-%d", m, pick(benchDistrictsPerMun)), UpdatedAt: at,
			}
			if l := langs[pick(len(langs))]; l != "de" {
				o.Languages = append(o.Languages, l)
			}
			if pick(10) > 0 {
				o.Location = &directory.GeoPoint{Lat: lat0 + rng.Float64()*0.108, Lon: lon0 + rng.Float64()*0.17}
			}
			snap.Offers = append(snap.Offers, o)
		}
	}
	seen := map[[2]string]bool{}
	for len(snap.Cooperations) < benchCoopsTotal {
		m := pick(muns)
		a := fmt.Sprintf("org-%02d-%04d", m, pick(orgsPerMun))
		if pick(10) == 0 { // some partnerships cross municipal borders
			m = pick(muns)
		}
		b := fmt.Sprintf("org-%02d-%04d", m, pick(orgsPerMun))
		c := directory.Cooperation{A: a, B: b}.Normalized()
		if a == b || seen[[2]string{c.A, c.B}] {
			continue
		}
		seen[[2]string{c.A, c.B}] = true
		snap.Cooperations = append(snap.Cooperations, c)
	}
	return snap
}

func benchStore(b *testing.B) *sqlite.Store {
	b.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	snap := benchSnapshot(benchMunicipalities())
	if err := s.Import(ctx, snap); err != nil {
		b.Fatalf("import: %v", err)
	}
	return s
}

// benchP50 runs fn b.N times and reports the median latency.
func benchP50(b *testing.B, fn func() error) {
	b.Helper()
	var took []time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if err := fn(); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "p99-ms")
}

func BenchmarkGapFacts(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	facts, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Stadt-03", ChildcareRadiusKm: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("Stadt-03: %d supply rows, %d courses without childcare, %d always full, %d unfunded",
		len(facts.Supply), len(facts.CoursesWithoutChildcare), len(facts.AlwaysFull), len(facts.Unfunded))
	benchP50(b, func() error {
		_, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Stadt-03", ChildcareRadiusKm: 1})
		return err
	})
}

func BenchmarkCooperationGraph(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	b.Run("municipality", func(b *testing.B) {
		benchP50(b, func() error { _, err := s.CooperationGraph(ctx, "Stadt-03"); return err })
	})
	b.Run("all", func(b *testing.B) {
		benchP50(b, func() error { _, err := s.CooperationGraph(ctx, ""); return err })
	})
}

func BenchmarkNeighbourhood(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	for _, depth := range []int{1, 2, 3} {
		b.Run(fmt.Sprintf("depth=%d", depth), func(b *testing.B) {
			benchP50(b, func() error { _, err := s.Neighbourhood(ctx, "org-03-0042", depth); return err })
		})
	}
}
