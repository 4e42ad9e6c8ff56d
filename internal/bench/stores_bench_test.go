package bench

import (
	"context"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/matching"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
	"github.com/lotse-kim/lotse/internal/store/readindex"
)

// BenchmarkStores runs the same service calls on the embedded store and, when
// LOTSE_TEST_NEO4J_URI is set, on Neo4j, over the same generated network
// (`lotse gen --scale N`, N from LOTSE_BENCH_SCALE, default 10: about 6,500
// offers). The Neo4j database is emptied and filled with it unless it holds
// that network already (same counts). LOTSE_BENCH_NRW=1 runs on the NRW
// network instead (Neo4j then needs a larger transaction memory: see the
// README). neo4j+readindex is the served configuration: the read index of
// `lotse serve` in front of the same Neo4j. Run, e.g. with tools/neo4j:
//
//	tools/neo4j/with-neo4j.sh go test -run '^$' -bench Stores -benchtime 100x ./internal/bench/
func BenchmarkStores(b *testing.B) {
	scale := 10
	if v, err := strconv.Atoi(os.Getenv("LOTSE_BENCH_SCALE")); err == nil && v > 0 {
		scale = v
	}
	snap := demo.Generate(demo.Options{Seed: benchSeed, Scale: scale})
	openSQLite := func(b *testing.B) store.Store { return scaledStore(b, scale) }
	if os.Getenv("LOTSE_BENCH_NRW") != "" { // NRW scale instead (lotse gen --nrw)
		snap = demo.NRW(benchSeed)
		openSQLite = func(b *testing.B) store.Store { return nrwStore(b) }
	}
	stores := []struct {
		name string
		open func(b *testing.B) store.Store
	}{
		{"sqlite", openSQLite},
		{"neo4j", func(b *testing.B) store.Store { return neo4jBenchStore(b, snap) }},
		// What `lotse serve --neo4j-uri` runs by default: the read index in
		// front of Neo4j answers searches (and so matching) from memory.
		{"neo4j+readindex", func(b *testing.B) store.Store {
			ix, err := readindex.New(context.Background(), neo4jBenchStore(b, snap))
			if err != nil {
				b.Fatal(err)
			}
			return ix
		}},
	}
	for _, s := range stores {
		b.Run(s.name, func(b *testing.B) {
			st := s.open(b)
			svc := service.New(st)
			cs := clients(b, st, 300)
			caseWork := access.WithPrincipal(context.Background(),
				access.Principal{Role: access.RoleCaseManager, TokenID: "tok-bench", Name: "bench"})
			steering := access.WithPrincipal(context.Background(), steeringReader)
			b.Run("offers", func(b *testing.B) {
				// Filters + text + radius, first 20 with totalCount: the dashboard's search.
				timed(b, cs, func(c matching.Client) (int, error) {
					centre := c.Location
					if centre == nil {
						centre = &directory.GeoPoint{Lat: 51.17, Lon: 7.08}
					}
					p, err := svc.SearchOffers(caseWork, store.OfferQuery{Filter: store.OfferFilter{
						Text: "beratung", Needs: c.Needs, Near: &store.Near{Lat: centre.Lat, Lon: centre.Lon, RadiusKm: 15},
						Status: []directory.OfferStatus{directory.StatusActive},
					}, Page: store.Page{First: 20}})
					return p.TotalCount, err
				})
			})
			b.Run("matchOffers", func(b *testing.B) {
				timed(b, cs, func(c matching.Client) (int, error) {
					ms, err := svc.MatchOffers(caseWork, c, 10)
					return len(ms), err
				})
			})
			b.Run("carePlan", func(b *testing.B) {
				timed(b, cs, func(c matching.Client) (int, error) {
					p, _, err := svc.CarePlan(caseWork, c, false)
					return len(p.Items), err
				})
			})
			for _, city := range []string{"Solingen", "Dortmund"} { // issue 10's two cities
				if !slices.ContainsFunc(snap.Districts, func(d directory.District) bool { return d.Municipality == city }) {
					continue // Dortmund is in the NRW set only
				}
				b.Run("gapReport/"+city, func(b *testing.B) {
					measure(b, func() error { _, err := svc.GapReport(steering, city, nil); return err })
				})
				// Cold: a write of one of the city's offers before each run
				// (untimed), so that no facts kept from the run before can answer.
				b.Run("gapReport/"+city+"/afterChange", func(b *testing.B) {
					measureAfter(b, touchOffer(b, st, offerIn(snap, city)),
						func() error { _, err := svc.GapReport(steering, city, nil); return err })
				})
				// A district written before each run: Neo4j reads the city's
				// districts again, its offers stay.
				b.Run("gapReport/"+city+"/afterDistrictChange", func(b *testing.B) {
					measureAfter(b, touchDistrict(b, st, snap, city),
						func() error { _, err := svc.GapReport(steering, city, nil); return err })
				})
				// Coldest: a store opened anew before each run, as for the first
				// report of a process or after an import: Neo4j reads the city's
				// whole gap base. (Not with the read index, which a new store
				// would build again each run; it does not answer gap reports.)
				if s.name != "neo4j+readindex" {
					b.Run("gapReport/"+city+"/firstReport", func(b *testing.B) {
						var fresh *service.Service
						measureAfter(b, func() { fresh = service.New(s.open(b)) },
							func() error { _, err := fresh.GapReport(steering, city, nil); return err })
					})
				}
			}
			b.Run("networkReport/all", func(b *testing.B) {
				measure(b, func() error { _, err := svc.NetworkReport(steering, ""); return err })
			})
		})
	}
}

// neo4jBenchStore opens the test Neo4j holding snap, importing it when the
// database holds something else; without LOTSE_TEST_NEO4J_URI it skips.
func neo4jBenchStore(b *testing.B, snap directory.Snapshot) store.Store {
	b.Helper()
	srv, ok := neo4jtest.FromEnv()
	if !ok {
		b.Skip(neo4jtest.SkipReason)
	}
	ctx := context.Background()
	st, err := neo4j.Open(ctx, neo4j.Config{URI: srv.URI, Username: srv.Username, Password: srv.Password,
		Database: srv.Database, Timeout: time.Minute})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	c, err := st.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if c.Offers != len(snap.Offers) || c.Organisations != len(snap.Organisations) {
		if err := srv.Wipe(ctx); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := st.Import(ctx, snap); err != nil {
			b.Fatal(err)
		}
		b.Logf("imported %d offers, %d organisations into Neo4j in %s", len(snap.Offers), len(snap.Organisations),
			time.Since(start).Round(time.Millisecond))
	}
	return st
}

// touchOffer returns a directory write for the runs of a cold benchmark:
// it sets the offer's UpdatedAt, which no report reads, and logs a change.
func touchOffer(b *testing.B, st store.Store, id string) func() {
	return func() {
		err := st.UpdateOffer(context.Background(), id, func(o *directory.Offer) error {
			o.UpdatedAt = time.Now().UTC().Truncate(time.Second)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// offerIn is the id of the first offer of snap in a district of city.
func offerIn(snap directory.Snapshot, city string) string {
	in := map[string]bool{}
	for _, d := range snap.Districts {
		in[d.ID] = d.Municipality == city
	}
	for _, o := range snap.Offers {
		if in[o.DistrictID] {
			return o.ID
		}
	}
	return snap.Offers[0].ID
}

// touchDistrict returns a write of city's first district, unchanged, which
// logs a district change.
func touchDistrict(b *testing.B, st store.Store, snap directory.Snapshot, city string) func() {
	i := slices.IndexFunc(snap.Districts, func(d directory.District) bool { return d.Municipality == city })
	return func() {
		if err := st.PutDistricts(context.Background(), []directory.District{snap.Districts[i]}); err != nil {
			b.Fatal(err)
		}
	}
}
