package bench

import (
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/respcache"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/readindex"
)

// BenchmarkResponseCache is BenchmarkHTTP/6k with the response cache on, as
// `lotse serve` runs by default. hit: every request after the first is a
// hit (the directory does not change meanwhile), so this is the cost of a
// hit through the whole handler: limits, authentication, the cache key, one
// read of the directory's version from SQLite, and writing the kept bytes.
// miss: every request differs (a comment in the query), so each runs and
// its answer is checked and kept; off: the same requests with the cache off
// (gqlgen parses and validates each text anew in both, unlike in
// BenchmarkHTTP), so miss − off is what the cache adds to a request it
// cannot answer.
func BenchmarkResponseCache(b *testing.B) {
	st, err := readindex.New(b.Context(), scaledStore(b, 10))
	if err != nil {
		b.Fatal(err)
	}
	svc := service.New(st)
	cfg := serveConfig
	cfg.ResponseCache = respcache.DefaultBytes
	h := server.New(cfg, svc)
	off := server.New(serveConfig, svc)
	district, org := sampleIDs(b, svc)
	for _, q := range []struct{ name, body string }{
		{"Q1", fmt.Sprintf(queryQ1, district)},
		{"Q2", fmt.Sprintf(queryQ2, org)},
		{"Q3", queryQ3},
	} {
		b.Run("6k/hit/"+q.name, func(b *testing.B) { serveParallel(b, h, q.body) })
		b.Run("6k/miss/"+q.name, func(b *testing.B) { serveMisses(b, h, q.body) })
		b.Run("6k/off/"+q.name, func(b *testing.B) { serveMisses(b, off, q.body) })
	}
}

// serveMisses is serveParallel with a query text of its own per request.
func serveMisses(b *testing.B, h http.Handler, body string) {
	const at = `{"query":"`
	if !strings.HasPrefix(body, at) {
		b.Fatalf("unexpected body %s", body)
	}
	var n, bad atomic.Int64
	cpu0, start := cpuTime(), time.Now()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			// A comment changes the text, not the answer.
			one := at + fmt.Sprintf(`# %d\n`, n.Add(1)) + body[len(at):]
			if rec := exchange(h, one); rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), `"errors"`) {
				bad.Add(1)
			}
		}
	})
	b.StopTimer()
	elapsed := time.Since(start)
	if k := bad.Load(); k > 0 {
		b.Fatalf("%d of %d answers failed", k, b.N)
	}
	reportPerRequest(b, elapsed, cpu0)
}
