package bench

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/gaps"
	"github.com/lotse-kim/lotse/internal/network"
	"github.com/lotse-kim/lotse/internal/service"
)

// Steering at NRW scale on the embedded store. Budgets: gapReport of one
// municipality ≤ 50 ms, networkReport of the whole network ≤ 2 s. Run
//
//	go test -run '^$' -bench 'Report|Parts' -benchtime 20x ./internal/bench/

var steeringReader = access.Principal{Role: access.RoleSteering, TokenID: "bench", Name: "bench"}

// measure runs fn b.N times and reports the median and the slowest run,
// in wall-clock time and in the CPU time of the calling thread (threadCPU:
// on a shared machine the steadier figure).
func measure(b *testing.B, fn func() error) {
	b.Helper()
	times, cpu := runTimed(b, b.N, fn)
	b.ReportMetric(quantileMs(times, 0.5), "ms-p50")
	b.ReportMetric(quantileMs(times, 1), "ms-max")
	b.ReportMetric(quantileMs(cpu, 0.5), "cpu-ms-p50")
	b.ReportMetric(quantileMs(cpu, 1), "cpu-ms-max")
}

// runTimed runs fn n times on one locked OS thread and returns each run's
// wall-clock and thread CPU time.
func runTimed(b *testing.B, n int, fn func() error) (wall, cpu []time.Duration) {
	b.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	wall, cpu = make([]time.Duration, 0, n), make([]time.Duration, 0, n)
	b.ResetTimer()
	for range n {
		start, t0 := time.Now(), threadCPU()
		if err := fn(); err != nil {
			b.Fatal(err)
		}
		wall, cpu = append(wall, time.Since(start)), append(cpu, threadCPU()-t0)
	}
	b.StopTimer()
	return wall, cpu
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
	svc := service.New(nrwStore(b))
	ctx := access.WithPrincipal(context.Background(), steeringReader)
	for _, m := range []string{"Solingen", largestMunicipality(b, svc), "Köln"} {
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

// BenchmarkGapReportEveryMunicipalityNRW runs gapReport for each of the 54
// municipalities b.N times and reports the slowest municipality's median
// (the budget holds for every one, Köln with 16,000 offers included).
func BenchmarkGapReportEveryMunicipalityNRW(b *testing.B) {
	svc := service.New(nrwStore(b))
	ctx := access.WithPrincipal(context.Background(), steeringReader)
	ms, err := svc.Municipalities(ctx)
	if err != nil {
		b.Fatal(err)
	}
	worst, worstWall, worstCPU := "", 0.0, 0.0
	for _, m := range ms {
		wall, cpu := runTimed(b, b.N, func() error { _, err := svc.GapReport(ctx, m, nil); return err })
		if c := quantileMs(cpu, 0.5); c > worstCPU {
			worst, worstCPU, worstWall = m, c, quantileMs(wall, 0.5)
		}
	}
	b.ReportMetric(worstWall, "ms-p50-worst")
	b.ReportMetric(worstCPU, "cpu-ms-p50-worst")
	b.ReportMetric(float64(len(ms)), "municipalities")
	b.Logf("slowest municipality (by CPU): %s, p50 %.1f ms CPU, %.1f ms wall", worst, worstCPU, worstWall)
}

func BenchmarkNetworkReportNRW(b *testing.B) {
	svc := service.New(nrwStore(b))
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
	st := nrwStore(b)
	ctx := context.Background()
	for _, m := range []string{"Solingen", largestMunicipality(b, service.New(st)), "Köln"} {
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
