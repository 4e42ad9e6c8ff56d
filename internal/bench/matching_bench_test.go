package bench

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/matching"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// benchSeed is the seed of the NRW network the benchmarks run on.
const benchSeed int64 = 1

// nrwStore opens the cached NRW database (demo.NRW), building it first
// when it is missing or LOTSE_BENCH_REBUILD is set.
func nrwStore(b testing.TB) *sqlite.Store {
	return cachedStore(b, fmt.Sprintf("nrw-%d", benchSeed), func() directory.Snapshot { return demo.NRW(benchSeed) })
}

// scaledStore opens the cached database of `lotse gen --scale n` (seed 1).
func scaledStore(b testing.TB, n int) *sqlite.Store {
	return cachedStore(b, fmt.Sprintf("scale%d-%d", n, benchSeed), func() directory.Snapshot {
		return demo.Generate(demo.Options{Seed: benchSeed, Scale: n})
	})
}

// cachedStore opens a database under os.TempDir() named after name, building
// it from build() first when it is missing (or LOTSE_BENCH_REBUILD is set).
// Building the NRW network takes a few minutes; opening an existing file is
// instant. The file name carries a hash of the SQLite migrations and the
// generator's sources, so a changed schema or generator builds a new file
// instead of benchmarking a stale one.
func cachedStore(b testing.TB, name string, build func() directory.Snapshot) *sqlite.Store {
	return cachedStoreWith(b, name, build, nil)
}

// cachedStoreWith is cachedStore that also stores the referrals refs(snapshot)
// makes (nil: none) before the file is taken into use.
func cachedStoreWith(b testing.TB, name string, build func() directory.Snapshot, refs func(directory.Snapshot) []referral.Referral) *sqlite.Store {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("lotse-bench-%s-%s.db", name, sourceKey(b)))
	if _, err := os.Stat(path); err != nil || os.Getenv("LOTSE_BENCH_REBUILD") != "" {
		start := time.Now()
		snap := build()
		tmp := fmt.Sprintf("%s.build-%d", path, os.Getpid())
		st, err := sqlite.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Import(ctx, snap); err != nil {
			st.Close()
			b.Fatal(err)
		}
		if refs != nil {
			if err := st.PutReferrals(ctx, refs(snap)); err != nil {
				st.Close()
				b.Fatal(err)
			}
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s in %s: %d organisations, %d offers", path, time.Since(start).Round(time.Millisecond),
			len(snap.Organisations), len(snap.Offers))
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// sourceKey hashes what the cached database depends on besides the seed.
func sourceKey(b testing.TB) string {
	b.Helper()
	h := sha256.New()
	for _, pattern := range []string{"../store/sqlite/migrations/*.sql", "../demo/*.go"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			b.Fatalf("no files for %s (run the benchmarks from their package directory)", pattern)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(h, "%s %d\n", filepath.Base(f), len(data))
			h.Write(data)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// profile is a kind of client a case manager meets; clients combine one
// with a district (as districtId or as a location near its centre).
type profile struct {
	needs     []directory.NeedArea
	languages []string
	groups    []directory.TargetGroup
	childcare bool
	circuits  []directory.LegalCircuit
	age       int
}

var profiles = []profile{
	{needs: []directory.NeedArea{"LANGUAGE", "FAMILY_CHILDCARE", "WORK"}, languages: []string{"ar"},
		groups: []directory.TargetGroup{"WOMEN", "PARENTS"}, childcare: true, circuits: []directory.LegalCircuit{"SGB_II", "AUFENTHG"}, age: 31},
	{needs: []directory.NeedArea{"WORK", "HOUSING"}, languages: []string{"uk", "ru"},
		groups: []directory.TargetGroup{"REFUGEES"}, circuits: []directory.LegalCircuit{"SGB_II"}, age: 44},
	{needs: []directory.NeedArea{"RESIDENCE", "AUTHORITIES", "FINANCES"}, languages: []string{"tr"}, age: 58},
	{needs: []directory.NeedArea{"EDUCATION", "SOCIAL_PARTICIPATION", "LANGUAGE"}, languages: []string{"fa"},
		groups: []directory.TargetGroup{"YOUTH", "NEW_ARRIVALS"}, circuits: []directory.LegalCircuit{"SGB_VIII"}, age: 17},
	{needs: []directory.NeedArea{"HEALTH", "LANGUAGE"}, languages: []string{"ti"},
		groups: []directory.TargetGroup{"REFUGEES", "ADULTS"}, circuits: []directory.LegalCircuit{"ASYLBLG"}, age: 26},
	{needs: []directory.NeedArea{"LANGUAGE", "FAMILY_CHILDCARE"}, languages: []string{"en", "fr"},
		groups: []directory.TargetGroup{"PARENTS", "EU_CITIZENS"}, childcare: true, age: 35},
}

// clients builds n realistic clients spread over the stored districts:
// every municipality, every profile, half by districtId and half by location.
func clients(b testing.TB, st store.Store, n int) []matching.Client {
	b.Helper()
	ds, err := st.Districts(context.Background(), "")
	if err != nil {
		b.Fatal(err)
	}
	ds = slices.DeleteFunc(ds, func(d directory.District) bool { return d.Centre == nil })
	if len(ds) == 0 {
		b.Fatal("no districts with a centre")
	}
	return clientsFrom(ds, n)
}

// clientsFrom builds n clients over the districts ds (each with a centre).
func clientsFrom(ds []directory.District, n int) []matching.Client {
	out := make([]matching.Client, n)
	for i := range out {
		d := ds[(i*7919)%len(ds)] // a stride that is prime to the count visits every district
		p := profiles[i%len(profiles)]
		age := p.age
		c := matching.Client{Needs: p.needs, Languages: p.languages, TargetGroups: p.groups, NeedsChildcare: p.childcare,
			LegalCircuits: p.circuits, Age: &age}
		if i%2 == 0 {
			c.DistrictID = d.ID
		} else {
			c.Location = &directory.GeoPoint{Lat: d.Centre.Lat + 0.004, Lon: d.Centre.Lon - 0.003}
		}
		out[i] = c
	}
	return out
}

// timed runs op b.N times over the clients and reports p50 and p99 in ms,
// and the CPU time the process spent per op: on a machine shared with other
// work, wall-clock latencies include waiting for a core, CPU time does not.
func timed(b *testing.B, cs []matching.Client, op func(c matching.Client) (results int, err error)) {
	b.Helper()
	lat := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	results := 0
	b.ReportAllocs()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	cpu0 := cpuTime()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start, t0 := time.Now(), threadCPU()
		n, err := op(cs[i%len(cs)])
		lat = append(lat, time.Since(start))
		cpu = append(cpu, threadCPU()-t0)
		if err != nil {
			b.Fatal(err)
		}
		results += n
	}
	b.StopTimer()
	logSlowest(b, cs, cpu)
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(quantileMs(lat, 0.50), "p50-ms")
	b.ReportMetric(quantileMs(lat, 0.99), "p99-ms")
	b.ReportMetric(quantileMs(cpu, 0.50), "cpu-p50-ms")
	b.ReportMetric(quantileMs(cpu, 0.99), "cpu-p99-ms")
	b.ReportMetric(float64(results)/float64(b.N), "results/op")
}

// logSlowest logs the clients of the five calls of most thread CPU (call i
// served cs[i%len(cs)]), before cpu is sorted for the quantiles.
func logSlowest(b *testing.B, cs []matching.Client, cpu []time.Duration) {
	if len(cpu) < 100 {
		return
	}
	idx := make([]int, len(cpu))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int { return cmp.Compare(cpu[y], cpu[x]) })
	for _, i := range idx[:5] {
		c := cs[i%len(cs)]
		where := c.DistrictID
		if c.Location != nil {
			where = fmt.Sprintf("%.4f,%.4f", c.Location.Lat, c.Location.Lon)
		}
		b.Logf("slow: call %d, %.1f ms CPU: client %d (needs %v, at %s)", i, float64(cpu[i])/float64(time.Millisecond),
			i%len(cs), c.Needs, where)
	}
}

// quantileMs sorts ds and returns its q-quantile in milliseconds.
func quantileMs(ds []time.Duration, q float64) float64 {
	slices.Sort(ds)
	return float64(ds[min(len(ds)-1, int(q*float64(len(ds))))]) / float64(time.Millisecond)
}

// threadCPU is the CPU time of the calling OS thread (the caller locks its
// goroutine to it): the time one call computed, without the time it waited
// for a core on a shared machine, nor the collector's work on other threads.
// It is the latency the call would have on a quiet machine, near enough.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// cpuTime is the user and system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMatchOffersNRW times matchOffers on the embedded store alone
// ("store") and with the read index in front of it, as `lotse serve` runs
// it ("served"). It logs the slowest calls' clients, to tell what makes the
// tail.
func BenchmarkMatchOffersNRW(b *testing.B) {
	st := nrwStore(b)
	cs := clients(b, st, 600)
	ctx := context.Background()
	for _, served := range []bool{false, true} {
		name := "store"
		var inner store.Store = st
		if served {
			name = "served"
			ix, err := readindex.New(ctx, st)
			if err != nil {
				b.Fatal(err)
			}
			inner = ix
		}
		svc := service.New(inner)
		b.Run(name, func(b *testing.B) {
			timed(b, cs, func(c matching.Client) (int, error) {
				ms, err := svc.MatchOffers(ctx, c, 10)
				return len(ms), err
			})
		})
	}
}

func BenchmarkCarePlanNRW(b *testing.B) {
	st := nrwStore(b)
	svc := service.New(st)
	cs := clients(b, st, 600)
	ctx := access.WithPrincipal(context.Background(),
		access.Principal{Role: access.RoleCaseManager, TokenID: "tok-bench", Name: "bench"})
	timed(b, cs, func(c matching.Client) (int, error) {
		p, _, err := svc.CarePlan(ctx, c, false)
		return len(p.Items), err
	})
}

// BenchmarkCandidatesNRW is the store's part of matchOffers alone: the one
// SearchOffers call with matching.CandidateFilter (results/op = candidates).
func BenchmarkCandidatesNRW(b *testing.B) {
	st := nrwStore(b)
	cs := clients(b, st, 600)
	ctx := context.Background()
	centres := map[string]*directory.GeoPoint{}
	ds, _ := st.Districts(ctx, "")
	for _, d := range ds {
		centres[d.ID] = d.Centre
	}
	timed(b, cs, func(c matching.Client) (int, error) {
		origin := c.Location
		if origin == nil {
			origin = centres[c.DistrictID]
		}
		page, err := st.SearchOffers(ctx, store.OfferQuery{Filter: matching.CandidateFilter(c, origin),
			Order: store.OrderDistance, Page: store.Page{First: store.MaxPageSize}})
		return len(page.Hits), err
	})
}
