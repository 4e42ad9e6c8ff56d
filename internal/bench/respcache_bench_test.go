package bench

import (
	"fmt"
	"testing"

	"github.com/lotse-kim/lotse/internal/respcache"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/readindex"
)

// BenchmarkResponseCache is BenchmarkHTTP/6k with the response cache on, as
// `lotse serve` runs by default: every request after the first is a hit
// (the directory does not change meanwhile), so this is the cost of a hit
// through the whole handler: limits, authentication, the cache key, one read
// of the directory's version from SQLite, and writing the kept bytes.
func BenchmarkResponseCache(b *testing.B) {
	st, err := readindex.New(b.Context(), scaledStore(b, 10))
	if err != nil {
		b.Fatal(err)
	}
	svc := service.New(st)
	cfg := serveConfig
	cfg.ResponseCache = respcache.DefaultBytes
	h := server.New(cfg, svc)
	district, org := sampleIDs(b, svc)
	for _, q := range []struct{ name, body string }{
		{"Q1", fmt.Sprintf(queryQ1, district)},
		{"Q2", fmt.Sprintf(queryQ2, org)},
		{"Q3", queryQ3},
	} {
		b.Run("6k/"+q.name, func(b *testing.B) { serveParallel(b, h, q.body) })
	}
}
