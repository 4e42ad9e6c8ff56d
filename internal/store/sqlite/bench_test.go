package sqlite_test

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"path/filepath"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// Search benchmarks over generated offers (seeded, so every run sees the
// same data). Run with
//
//	go test -run '^$' -bench SearchOffers -benchtime 200x ./internal/store/sqlite/
//
// Targets: a filtered + text + geo query over 6,000 offers, first 20 with
// totalCount, p50 ≤ 5 ms; a matching query (needs + radius + status + age +
// legal circuits) over 150,000 offers, p50 ≤ 10 ms.

type dirCity struct {
	name     string
	centre   directory.GeoPoint
	weight   int
	spreadKm float64
}

// Cities of NRW, weighted roughly by size; offers scatter around each centre.
var dirNRWCities = []dirCity{
	{"Köln", directory.GeoPoint{Lat: 50.9375, Lon: 6.9603}, 10, 7}, {"Düsseldorf", directory.GeoPoint{Lat: 51.2277, Lon: 6.7735}, 6, 5},
	{"Dortmund", directory.GeoPoint{Lat: 51.5136, Lon: 7.4653}, 6, 6}, {"Essen", directory.GeoPoint{Lat: 51.4556, Lon: 7.0116}, 6, 5},
	{"Duisburg", directory.GeoPoint{Lat: 51.4344, Lon: 6.7623}, 5, 5}, {"Bochum", directory.GeoPoint{Lat: 51.4818, Lon: 7.2162}, 4, 4},
	{"Wuppertal", directory.GeoPoint{Lat: 51.2562, Lon: 7.1508}, 4, 4}, {"Bielefeld", directory.GeoPoint{Lat: 52.0302, Lon: 8.5325}, 4, 5},
	{"Bonn", directory.GeoPoint{Lat: 50.7374, Lon: 7.0982}, 4, 4}, {"Münster", directory.GeoPoint{Lat: 51.9607, Lon: 7.6261}, 4, 5},
	{"Mönchengladbach", directory.GeoPoint{Lat: 51.1805, Lon: 6.4428}, 3, 4}, {"Gelsenkirchen", directory.GeoPoint{Lat: 51.5177, Lon: 7.0857}, 3, 3},
	{"Aachen", directory.GeoPoint{Lat: 50.7753, Lon: 6.0839}, 3, 4}, {"Krefeld", directory.GeoPoint{Lat: 51.3388, Lon: 6.5853}, 3, 3},
	{"Oberhausen", directory.GeoPoint{Lat: 51.4963, Lon: 6.8638}, 2, 3}, {"Hagen", directory.GeoPoint{Lat: 51.3671, Lon: 7.4633}, 2, 4},
	{"Hamm", directory.GeoPoint{Lat: 51.6739, Lon: 7.8150}, 2, 4}, {"Solingen", directory.GeoPoint{Lat: 51.1657, Lon: 7.0836}, 2, 3},
	{"Leverkusen", directory.GeoPoint{Lat: 51.0459, Lon: 7.0192}, 2, 3}, {"Paderborn", directory.GeoPoint{Lat: 51.7189, Lon: 8.7575}, 2, 4},
	{"Siegen", directory.GeoPoint{Lat: 50.8748, Lon: 8.0243}, 1, 4}, {"Gütersloh", directory.GeoPoint{Lat: 51.9032, Lon: 8.3858}, 1, 4},
}

// The 6,000-offer city case: the Bergisches Städtedreieck.
var dirBergCities = []dirCity{
	{"Wuppertal", directory.GeoPoint{Lat: 51.2562, Lon: 7.1508}, 5, 5},
	{"Solingen", directory.GeoPoint{Lat: 51.1657, Lon: 7.0836}, 3, 4},
	{"Remscheid", directory.GeoPoint{Lat: 51.1787, Lon: 7.1897}, 2, 3},
}

var (
	dirTitleWords = []string{"Sprachkurs", "Integrationskurs", "Beratung", "Café", "Treff", "Kinderbetreuung", "Bewerbungstraining",
		"Hausaufgabenhilfe", "Mütterkurs", "Frauenfrühstück", "Jugendtreff", "Sozialberatung", "Wohnungssuche", "Schuldnerberatung",
		"Elterncafé", "Spielgruppe", "Nähkurs", "Fußball", "Computerkurs", "Lernwerkstatt"}
	dirDescWords = []string{"für", "mit", "und", "Frauen", "Familien", "Kinder", "Jugendliche", "Geflüchtete", "Anfänger", "Fortgeschrittene",
		"Deutsch", "Arabisch", "Türkisch", "Ukrainisch", "Beratung", "Begleitung", "Behörden", "Ausbildung", "Arbeit", "Wohnung",
		"kostenlos", "offen", "wöchentlich", "Termin", "Anmeldung", "Kinderbetreuung", "vor", "Ort", "im", "Stadtteil"}
	dirBenchLangs = []string{"ar", "tr", "uk", "ru", "fa", "en", "fr", "pl", "ro", "ku", "ti", "so"}
)

func dirPick[T any](r *rand.Rand, l []T) T { return l[r.Intn(len(l))] }

func dirPickSome[T comparable](r *rand.Rand, l []T, min, max int) []T {
	n := min + r.Intn(max-min+1)
	var out []T
	for len(out) < n {
		if v := dirPick(r, l); !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// dirJitter places a point around c with a normal spread of sdKm.
func dirJitter(r *rand.Rand, c directory.GeoPoint, sdKm float64) directory.GeoPoint {
	dLat := r.NormFloat64() * sdKm / 111.2
	dLon := r.NormFloat64() * sdKm / (111.2 * math.Cos(c.Lat*math.Pi/180))
	return directory.GeoPoint{Lat: c.Lat + dLat, Lon: c.Lon + dLon}
}

// dirBenchSnapshot generates n offers around the cities, 10 districts and 50
// organisations per dirCity.
func dirBenchSnapshot(seed int64, cities []dirCity, n int) directory.Snapshot {
	r := rand.New(rand.NewSource(seed))
	snap := directory.Snapshot{Format: directory.SnapshotFormat}
	var weighted []int
	for i, c := range cities {
		for range c.weight {
			weighted = append(weighted, i)
		}
		for d := range 10 {
			snap.Districts = append(snap.Districts, directory.District{ID: fmt.Sprintf("d-%d-%d", i, d), Name: fmt.Sprintf("%s %d", c.name, d),
				Municipality: c.name, Population: 20000, Centre: dirPtr(dirJitter(r, c.centre, c.spreadKm)), RadiusKm: 2})
		}
		for o := range 50 {
			snap.Organisations = append(snap.Organisations, directory.Organisation{ID: fmt.Sprintf("o-%d-%d", i, o),
				Name: fmt.Sprintf("Träger %d %s", o, c.name), Kind: dirPick(r, directory.OrganisationKinds),
				DistrictID: fmt.Sprintf("d-%d-%d", i, o%10), Municipality: c.name, UpdatedAt: time.Unix(1700000000, 0).UTC()})
		}
	}
	for k := range n {
		ci := dirPick(r, weighted)
		c := cities[ci]
		o := directory.Offer{
			ID:           fmt.Sprintf("off-%06d", k),
			ProviderID:   fmt.Sprintf("o-%d-%d", ci, r.Intn(50)),
			Title:        dirPick(r, dirTitleWords) + " " + dirPick(r, dirDescWords) + " " + dirPick(r, dirDescWords),
			Category:     dirPick(r, directory.OfferCategories),
			Needs:        dirPickSome(r, directory.NeedAreas, 1, 3),
			TargetGroups: dirPickSome(r, directory.TargetGroups[:10], 1, 2),
			Languages:    append([]string{"de"}, dirPickSome(r, dirBenchLangs, 0, 2)...),
			Childcare:    r.Intn(10) < 3,
			Cost:         dirPick(r, directory.Costs),
			Funding:      dirPick(r, directory.Fundings),
			Status:       directory.StatusActive,
			DistrictID:   fmt.Sprintf("d-%d-%d", ci, r.Intn(10)),
			UpdatedAt:    time.Unix(1700000000+int64(r.Intn(30000000)), 0).UTC(),
		}
		for range 8 + r.Intn(12) {
			o.Description += dirPick(r, dirDescWords) + " "
		}
		if r.Intn(10) == 0 {
			o.TargetGroups = []directory.TargetGroup{directory.GroupAll}
		}
		if r.Intn(2) == 0 {
			o.LegalCircuits = dirPickSome(r, directory.LegalCircuits, 1, 2)
		}
		if s := r.Intn(10); s >= 7 {
			o.Status = directory.OfferStatuses[1+s-7]
		}
		if r.Intn(4) > 0 {
			capacity := 5 + r.Intn(30)
			free := r.Intn(capacity + 1)
			o.Capacity, o.FreePlaces = &capacity, &free
		}
		if r.Intn(3) == 0 {
			lo := r.Intn(30)
			o.AgeMin = &lo
		}
		if r.Intn(4) == 0 {
			hi := 30 + r.Intn(60)
			o.AgeMax = &hi
		}
		if r.Intn(20) == 0 {
			o.Digital = true
		} else {
			o.Location = dirPtr(dirJitter(r, c.centre, c.spreadKm))
		}
		if o.Category == directory.CategoryIntegrationCourse {
			o.CourseType = dirPick(r, directory.CourseTypes)
		}
		snap.Offers = append(snap.Offers, o)
	}
	return snap
}

func dirPtr[T any](v T) *T { return &v }

// dirBenchStore opens a store in dir and imports the snapshot.
func dirBenchStore(b *testing.B, snap directory.Snapshot) *sqlite.Store {
	b.Helper()
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	start := time.Now()
	if err := s.Import(ctx, snap); err != nil {
		b.Fatal(err)
	}
	b.Logf("imported %d offers in %v", len(snap.Offers), time.Since(start).Round(time.Millisecond))
	return s
}

// dirRunQueries runs one query per iteration (cycling through qs), reporting
// the median latency as p50-ms and the mean hits and totalCount.
func dirRunQueries(b *testing.B, s *sqlite.Store, qs []store.OfferQuery) {
	ctx := context.Background()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	times := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	var hits, total int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c0, cpuOK := dirThreadCPU()
		t0 := time.Now()
		p, err := s.SearchOffers(ctx, qs[i%len(qs)])
		times = append(times, time.Since(t0))
		if c1, _ := dirThreadCPU(); cpuOK {
			cpu = append(cpu, c1-c0)
		}
		if err != nil {
			b.Fatal(err)
		}
		hits += len(p.Hits)
		total += p.TotalCount
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
	if len(cpu) == len(times) {
		slices.Sort(cpu)
		b.ReportMetric(float64(cpu[len(cpu)/2].Microseconds())/1000, "cpu-p50-ms")
	}
	b.ReportMetric(float64(total)/float64(b.N), "totalCount")
	b.ReportMetric(float64(hits)/float64(b.N), "hits")
}

func BenchmarkSearchOffers(b *testing.B) {
	b.Run("city6k", func(b *testing.B) {
		s := dirBenchStore(b, dirBenchSnapshot(1, dirBergCities, 6000))
		near := func(c dirCity, r float64) *store.Near {
			return &store.Near{Lat: c.centre.Lat, Lon: c.centre.Lon, RadiusKm: r}
		}
		var textGeo, geoOnly, textOnly, plain []store.OfferQuery
		for _, c := range dirBergCities {
			for _, text := range []string{"kurs", "Kinderbetreuung", "café für", "beratung frauen"} {
				textGeo = append(textGeo, store.OfferQuery{Filter: store.OfferFilter{
					Text: text, Near: near(c, 5), Status: []directory.OfferStatus{directory.StatusActive},
					Needs: []directory.NeedArea{directory.NeedLanguage, directory.NeedFamilyChildcare}}, Page: store.Page{First: 20}})
				textOnly = append(textOnly, store.OfferQuery{Filter: store.OfferFilter{Text: text}, Page: store.Page{First: 20}})
			}
			geoOnly = append(geoOnly, store.OfferQuery{Filter: store.OfferFilter{Near: near(c, 3), Languages: []string{"ar", "tr"}},
				Order: store.OrderDistance, Page: store.Page{First: 20}})
		}
		plain = append(plain, store.OfferQuery{Filter: store.OfferFilter{Categories: []directory.OfferCategory{directory.CategoryLanguageCourse}, FreePlacesOnly: true}, Page: store.Page{First: 20}})
		b.Run("filtered+text+geo", func(b *testing.B) { dirRunQueries(b, s, textGeo) })
		b.Run("text", func(b *testing.B) { dirRunQueries(b, s, textOnly) })
		b.Run("geo+languages+byDistance", func(b *testing.B) { dirRunQueries(b, s, geoOnly) })
		b.Run("no-index-filter", func(b *testing.B) { dirRunQueries(b, s, plain) })
	})
	b.Run("nrw150k", func(b *testing.B) {
		if testing.Short() {
			b.Skip("150,000 offers: not in -short")
		}
		s := dirBenchStore(b, dirBenchSnapshot(2, dirNRWCities, 150000))
		var matching, textGeo []store.OfferQuery
		r := rand.New(rand.NewSource(3))
		for _, c := range dirNRWCities {
			for range 3 {
				p := dirJitter(r, c.centre, c.spreadKm)
				matching = append(matching, store.OfferQuery{Filter: store.OfferFilter{
					Needs: dirPickSome(r, directory.NeedAreas, 1, 3), Near: &store.Near{Lat: p.Lat, Lon: p.Lon, RadiusKm: 5},
					Status: []directory.OfferStatus{directory.StatusActive}, Age: dirPtr(18 + r.Intn(40)),
					LegalCircuits: dirPickSome(r, directory.LegalCircuits, 1, 2)}, Page: store.Page{First: 20}})
				textGeo = append(textGeo, store.OfferQuery{Filter: store.OfferFilter{
					Text: dirPick(r, []string{"kurs", "beratung", "Kinderbetreuung", "treff"}), Near: &store.Near{Lat: p.Lat, Lon: p.Lon, RadiusKm: 5},
					Status: []directory.OfferStatus{directory.StatusActive}}, Page: store.Page{First: 20}})
			}
		}
		b.Run("matching", func(b *testing.B) { dirRunQueries(b, s, matching) })
		b.Run("text+geo", func(b *testing.B) { dirRunQueries(b, s, textGeo) })
	})
}
