package service_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/gaps"
	"github.com/lotse-kim/lotse/internal/network"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// Steering at NRW scale on the embedded store. Budgets (docs/readme-steering.md):
// gapReport of one municipality ≤ 50 ms, networkReport of the whole network
// ≤ 2 s. Run
//
//	go test -run '^$' -bench 'Report' -benchtime 20x ./internal/service/
//
// The first run imports demo.NRW(1) into os.TempDir()/lotse-bench-steering-nrw-1.db
// and reuses it afterwards; LOTSE_BENCH_REBUILD=1 builds it again.

const steeringBenchSeed int64 = 1

func steeringStore(b *testing.B) *sqlite.Store {
	b.Helper()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("lotse-bench-steering-nrw-%d.db", steeringBenchSeed))
	if _, err := os.Stat(path); err != nil || os.Getenv("LOTSE_BENCH_REBUILD") != "" {
		start := time.Now()
		snap := demo.NRW(steeringBenchSeed)
		tmp := fmt.Sprintf("%s.build-%d", path, os.Getpid())
		st, err := sqlite.Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Import(ctx, snap); err != nil {
			st.Close()
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(tmp + suffix)
			os.Remove(path + suffix)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %s in %s: %d organisations, %d offers, %d cooperations", path,
			time.Since(start).Round(time.Millisecond), len(snap.Organisations), len(snap.Offers), len(snap.Cooperations))
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

var steeringReader = access.Principal{Role: access.RoleSteering, TokenID: "bench", Name: "bench"}

// measure runs fn b.N times and reports the median and the slowest run.
func measure(b *testing.B, fn func() error) {
	b.Helper()
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		if err := fn(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "ms-max")
}

// largestMunicipality is the municipality with the most districts (ties: by name).
func largestMunicipality(b *testing.B, svc *service.Service) string {
	ds, err := svc.Districts(context.Background(), "")
	if err != nil {
		b.Fatal(err)
	}
	n := map[string]int{}
	for _, d := range ds {
		n[d.Municipality]++
	}
	best := ""
	for m, k := range n {
		if k > n[best] || k == n[best] && m < best {
			best = m
		}
	}
	return best
}

func BenchmarkGapReportMunicipalityNRW(b *testing.B) {
	svc := service.New(steeringStore(b))
	ctx := access.WithPrincipal(context.Background(), steeringReader)
	for _, m := range []string{"Solingen", largestMunicipality(b, svc)} {
		b.Run(m, func(b *testing.B) {
			var cells, gaps int
			measure(b, func() error {
				r, err := svc.GapReport(ctx, m, nil)
				cells, gaps = len(r.Cells), len(r.Gaps)
				return err
			})
			b.ReportMetric(float64(cells), "cells")
			b.ReportMetric(float64(gaps), "gaps")
		})
	}
}

func BenchmarkNetworkReportNRW(b *testing.B) {
	svc := service.New(steeringStore(b))
	ctx := access.WithPrincipal(context.Background(), steeringReader)
	var orgs, coops int
	measure(b, func() error {
		r, err := svc.NetworkReport(ctx, "")
		orgs, coops = r.Organisations, r.Cooperations
		return err
	})
	b.ReportMetric(float64(orgs), "organisations")
	b.ReportMetric(float64(coops), "cooperations")
}

// BenchmarkSteeringPartsNRW splits the reports into the store's part and
// the rules' part, to tell which one a budget is lost in.
func BenchmarkSteeringPartsNRW(b *testing.B) {
	st := steeringStore(b)
	ctx := context.Background()
	for _, m := range []string{"Solingen", largestMunicipality(b, service.New(st))} {
		facts, err := st.GapFacts(ctx, gaps.Query(m, nil))
		if err != nil {
			b.Fatal(err)
		}
		b.Run("GapFacts/"+m, func(b *testing.B) {
			measure(b, func() error { _, err := st.GapFacts(ctx, gaps.Query(m, nil)); return err })
		})
		b.Run("gaps.Analyse/"+m, func(b *testing.B) {
			measure(b, func() error { gaps.Analyse(facts, nil); return nil })
		})
	}
	g, err := st.CooperationGraph(ctx, "")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("CooperationGraph/all", func(b *testing.B) {
		measure(b, func() error { _, err := st.CooperationGraph(ctx, ""); return err })
	})
	b.Run("network.Analyse/all", func(b *testing.B) {
		measure(b, func() error { network.Analyse(g, network.Options{}); return nil })
	})
}
