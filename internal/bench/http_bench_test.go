package bench

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// The directory queries of issue 16, as a dashboard sends them. %s is
// filled with an id of the database under test.
const (
	queryQ1 = `{"query":"query Q1($d: ID!) { offers(filter: {categories: [INTEGRATION_COURSE, LANGUAGE_COURSE], districtIds: [$d]}, first: 20) { totalCount edges { node { id title category provider { id name } district { id name } } } } }","variables":{"d":%q}}`
	queryQ2 = `{"query":"query Q2($id: ID!) { organisation(id: $id) { id name kind offers { id title category } } }","variables":{"id":%q}}`
	// Q0 is the fixed cost of a request: transport, middleware, parsing
	// (cached), validation, limits, an empty execution.
	queryQ0 = `{"query":"{ __typename }"}`
	queryQ3 = `{"query":"{ offers(filter: {text: \"deutsch\"}, first: 20) { totalCount edges { node { id title } } } }"}`
)

// serveConfig is what `lotse serve` runs with by default, with the rate
// limits off as tools/postgraphile/run.sh turns them off, and without the
// response cache: BenchmarkHTTP measures the path of every distinct request
// (BenchmarkResponseCache the cache's hits).
var serveConfig = server.Config{
	CORSOrigins:    []string{"*"},
	Introspection:  true,
	GraphiQL:       true,
	RequestTimeout: 30 * time.Second,
}

// BenchmarkHTTP runs the directory queries through the whole HTTP handler
// (limits, auth, gqlgen, resolvers, dataloaders, store, JSON) at 6k offers
// (`lotse gen --scale 10`) and at NRW scale, on both cores (RunParallel).
// It reports requests per second and the process's CPU time per request;
// take a profile with -cpuprofile (see the README's "Speed" section).
func BenchmarkHTTP(b *testing.B) {
	for _, size := range []struct {
		name string
		open func(testing.TB) *sqlite.Store
	}{
		{"6k", func(tb testing.TB) *sqlite.Store { return scaledStore(tb, 10) }},
		{"NRW", nrwStore},
	} {
		b.Run(size.name, func(b *testing.B) {
			st, err := readindex.New(b.Context(), size.open(b))
			if err != nil {
				b.Fatal(err)
			}
			svc := service.New(st)
			h := server.New(serveConfig, svc)
			district, org := sampleIDs(b, svc)
			for _, q := range []struct{ name, body string }{
				{"Q1", fmt.Sprintf(queryQ1, district)},
				{"Q2", fmt.Sprintf(queryQ2, org)},
				{"Q3", queryQ3},
				{"Q0", queryQ0},
			} {
				b.Run(q.name, func(b *testing.B) { serveParallel(b, h, q.body) })
			}
		})
	}
}

// sampleIDs picks the heaviest Q1 and Q2 as tools/postgraphile/run.sh does:
// the district with the most integration and language courses, and the
// provider with the most offers, both as an anonymous reader sees them.
func sampleIDs(b *testing.B, svc *service.Service) (district, org string) {
	b.Helper()
	ctx := context.Background()
	ds, err := svc.Districts(ctx, "")
	if err != nil {
		b.Fatal(err)
	}
	courses := map[string]int{}
	for _, d := range ds {
		page, err := svc.SearchOffers(ctx, store.OfferQuery{Filter: store.OfferFilter{
			Categories:  []directory.OfferCategory{directory.CategoryIntegrationCourse, directory.CategoryLanguageCourse},
			DistrictIDs: []string{d.ID},
		}, Page: store.Page{First: 1}})
		if err != nil {
			b.Fatal(err)
		}
		courses[d.ID] = page.TotalCount
	}
	offers := map[string]int{}
	for p := (store.Page{First: store.MaxPageSize}); ; {
		page, err := svc.Organisations(ctx, store.OrganisationFilter{}, p)
		if err != nil {
			b.Fatal(err)
		}
		ids := make([]string, len(page.Organisations))
		for i, o := range page.Organisations {
			ids[i] = o.ID
		}
		list, err := svc.OffersByProvider(ctx, ids)
		if err != nil {
			b.Fatal(err)
		}
		for _, o := range list {
			offers[o.ProviderID]++
		}
		if !page.HasNextPage || len(page.Cursors) == 0 {
			break
		}
		p.After = page.Cursors[len(page.Cursors)-1]
	}
	district, org = mostCommon(b, courses), mostCommon(b, offers)
	b.Logf("Q1 district %s (%d courses), Q2 organisation %s (%d offers)", district, courses[district], org, offers[org])
	return district, org
}

func mostCommon(b *testing.B, n map[string]int) string {
	best := ""
	for k, c := range n {
		if c > n[best] || c == n[best] && k < best {
			best = k
		}
	}
	if best == "" {
		b.Fatal("no offers in the benchmark database")
	}
	return best
}

// post sends one request and fails the benchmark on any GraphQL error, so a
// broken query is never timed as a fast one.
func post(b *testing.B, h http.Handler, body string) []byte {
	rec := exchange(h, body)
	out := rec.Body.Bytes()
	if rec.Code != http.StatusOK || bytes.Contains(out, []byte(`"errors"`)) {
		b.Fatalf("%d %s", rec.Code, out)
	}
	return out
}

// serveParallel answers body b.N times on every core and reports req/s and
// CPU milliseconds per request (user + system time of the whole process).
func serveParallel(b *testing.B, h http.Handler, body string) {
	want := len(post(b, h, body))
	var bad atomic.Int64
	b.ReportAllocs()
	cpu0, start := cpuTime(), time.Now()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if rec := exchange(h, body); rec.Code != http.StatusOK || rec.Body.Len() != want {
				bad.Add(1)
			}
		}
	})
	b.StopTimer()
	elapsed := time.Since(start)
	if n := bad.Load(); n > 0 {
		b.Fatalf("%d of %d answers differed from the first one", n, b.N)
	}
	reportPerRequest(b, elapsed, cpu0)
}

// exchange sends one GraphQL POST from loopback to h.
func exchange(h http.Handler, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = "127.0.0.1:1"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// reportPerRequest reports req/s over elapsed and the process's CPU
// milliseconds per request since cpu0.
func reportPerRequest(b *testing.B, elapsed time.Duration, cpu0 time.Duration) {
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/req")
}
