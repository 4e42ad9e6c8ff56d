package bench

import (
	"runtime"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/matching"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/readindex"
)

// BenchmarkReadIndexNRW builds the read index over the NRW database,
// reporting the time and the heap it takes, then times offer searches of
// every filter shape through the service (issue 16: "any offers search at
// 150k p50 ≤ 10 ms whatever its filters"), as an anonymous reader and as a
// case manager.
func BenchmarkReadIndexNRW(b *testing.B) {
	st := nrwStore(b)
	ctx := b.Context()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	ix, err := readindex.New(ctx, st)
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.Logf("read index built in %s; heap %.0f MiB more (%.0f MiB in all)", took.Round(time.Millisecond),
		float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), float64(after.HeapAlloc)/(1<<20))
	svc := service.New(ix)

	near := &store.Near{Lat: 51.2277, Lon: 6.7735, RadiusKm: 15} // Düsseldorf
	yes := true
	age := 30
	shapes := []struct {
		name string
		f    store.OfferFilter
		o    store.OfferOrder
	}{
		{"none", store.OfferFilter{}, ""},
		{"none/updated", store.OfferFilter{}, store.OrderUpdated},
		{"none/freePlaces", store.OfferFilter{}, store.OrderFreePlaces},
		{"text deutsch", store.OfferFilter{Text: "deutsch"}, ""},
		{"text one letter", store.OfferFilter{Text: "e"}, ""},
		{"text two words", store.OfferFilter{Text: "beratung frauen"}, ""},
		{"status ACTIVE", store.OfferFilter{Status: []directory.OfferStatus{directory.StatusActive}}, ""},
		{"categories", store.OfferFilter{Categories: []directory.OfferCategory{directory.CategoryIntegrationCourse, directory.CategoryLanguageCourse}}, ""},
		{"municipality Köln", store.OfferFilter{Municipality: "Köln"}, ""},
		{"near 15 km by distance", store.OfferFilter{Near: near}, store.OrderDistance},
		{"near + needs + text + ACTIVE", store.OfferFilter{Near: near, Text: "kurs", Needs: []directory.NeedArea{directory.NeedLanguage},
			Status: []directory.OfferStatus{directory.StatusActive}}, store.OrderDistance},
		{"near 1000 km", store.OfferFilter{Near: &store.Near{Lat: 51.5, Lon: 7.5, RadiusKm: 1000}}, ""},
		{"near 1000 km by distance", store.OfferFilter{Near: &store.Near{Lat: 51.5, Lon: 7.5, RadiusKm: 1000}}, store.OrderDistance},
		{"languages + groups + childcare + age + free", store.OfferFilter{Languages: []string{"ar", "uk"},
			TargetGroups: []directory.TargetGroup{directory.GroupWomen}, Childcare: &yes, Age: &age, FreePlacesOnly: true}, store.OrderFreePlaces},
	}
	readers := []struct {
		name string
		p    access.Principal
	}{
		{"public", access.Principal{Role: access.RolePublic}},
		{"case manager", access.Principal{Role: access.RoleCaseManager, TokenID: "bench"}},
	}
	for _, r := range readers {
		for _, sh := range shapes {
			b.Run(r.name+"/"+sh.name, func(b *testing.B) {
				rctx := access.WithPrincipal(ctx, r.p)
				q := store.OfferQuery{Filter: sh.f, Order: sh.o, Page: store.Page{First: 20}}
				timed(b, []matching.Client{{}}, func(matching.Client) (int, error) {
					p, err := svc.SearchOffers(rctx, q)
					return p.TotalCount, err
				})
			})
		}
	}
}
