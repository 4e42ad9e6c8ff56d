package bench

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/gaps"
	"github.com/lotse-kim/lotse/internal/network"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/readindex"
)

// Steering at NRW scale on the embedded store. Budgets: gapReport of one
// municipality ≤ 50 ms, networkReport of the whole network ≤ 2 s. Run
//
//	go test -run '^$' -bench 'Report|Parts' -benchtime 20x ./internal/bench/

var steeringReader = access.Principal{Role: access.RoleSteering, TokenID: "bench", Name: "bench"}

// measure runs fn b.N times and reports the median and the slowest run,
// in wall-clock time and in the CPU time of the calling thread (threadCPU:
// on a shared machine the steadier figure), and the process's CPU per call.
func measure(b *testing.B, fn func() error) { measureAfter(b, nil, fn) }

// measureAfter is measure that calls prep (when not nil) before each run,
// outside the times and the process's CPU per call.
func measureAfter(b *testing.B, prep func(), fn func() error) {
	b.Helper()
	var prepCPU time.Duration
	timedPrep := prep
	if prep != nil {
		timedPrep = func() { t0 := cpuTime(); prep(); prepCPU += cpuTime() - t0 }
	}
	proc := cpuTime()
	times, cpu := runTimedAfter(b, b.N, timedPrep, fn)
	reportTimes(b, times, cpu)
	// The whole process's CPU per call: with the work handed to other
	// goroutines (network.Analyse's parallel search) and the collector's.
	b.ReportMetric(float64(cpuTime()-proc-prepCPU)/float64(time.Millisecond)/float64(b.N), "proc-cpu-ms/op")
}

// reportTimes reports the median and the slowest of the runs' wall-clock
// and thread CPU times.
func reportTimes(b *testing.B, times, cpu []time.Duration) {
	b.ReportMetric(quantileMs(times, 0.5), "ms-p50")
	b.ReportMetric(quantileMs(times, 1), "ms-max")
	b.ReportMetric(quantileMs(cpu, 0.5), "cpu-ms-p50")
	b.ReportMetric(quantileMs(cpu, 1), "cpu-ms-max")
}

// runTimed runs fn n times on one locked OS thread and returns each run's
// wall-clock and thread CPU time.
func runTimed(b *testing.B, n int, fn func() error) (wall, cpu []time.Duration) {
	return runTimedAfter(b, n, nil, fn)
}

// runTimedAfter is runTimed that calls prep (when not nil) before each run,
// outside the times.
func runTimedAfter(b *testing.B, n int, prep func(), fn func() error) (wall, cpu []time.Duration) {
	b.Helper()
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	wall, cpu = make([]time.Duration, 0, n), make([]time.Duration, 0, n)
	b.ResetTimer()
	for range n {
		if prep != nil {
			b.StopTimer()
			prep()
			b.StartTimer()
		}
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

// BenchmarkGapReportMunicipalityNRW times gapReport of a small, the most
// divided and the largest municipality: "cold" as after a write (the SQLite
// store keeps a municipality's facts while the directory is unchanged; other
// municipalities' reports, untimed, push them out before each run), "warm"
// as a dashboard asking again.
func BenchmarkGapReportMunicipalityNRW(b *testing.B) {
	svc := service.New(nrwStore(b))
	for _, m := range []string{"Solingen", largestMunicipality(b, svc), "Köln"} {
		gapReportColdWarm(b, svc, m)
	}
}

// gapReportColdWarm runs m's gap report as sub-benchmarks m/cold (other
// municipalities' reports, untimed, push m's facts out of the store's memo
// before each run) and m/warm.
func gapReportColdWarm(b *testing.B, svc *service.Service, m string) {
	ctx := access.WithPrincipal(context.Background(), steeringReader)
	ms, err := svc.Municipalities(ctx)
	if err != nil {
		b.Fatal(err)
	}
	others := slices.DeleteFunc(slices.Clone(ms), func(o string) bool { return o == m })[:10]
	evict := func() {
		for _, o := range others {
			if _, err := svc.GapReport(ctx, o, nil); err != nil {
				b.Fatal(err)
			}
		}
	}
	for _, warm := range []bool{false, true} {
		prep, name := evict, m+"/cold"
		if warm {
			prep, name = nil, m+"/warm"
		}
		b.Run(name, func(b *testing.B) {
			var cells, gaps int
			wall, cpu := runTimedAfter(b, b.N, prep, func() error {
				r, err := svc.GapReport(ctx, m, nil)
				cells, gaps = len(r.Cells), len(r.Gaps)
				return err
			})
			reportTimes(b, wall, cpu)
			b.ReportMetric(float64(cells), "cells")
			b.ReportMetric(float64(gaps), "gaps")
		})
	}
}

// BenchmarkGapReportServedNRW is gapReport of Köln (the largest gap report)
// with the read index in front of the store, as `lotse serve` runs it: the
// index answers the providers of the listed offers from memory, GapFacts
// still comes from the store.
func BenchmarkGapReportServedNRW(b *testing.B) {
	ix, err := readindex.New(b.Context(), nrwStore(b))
	if err != nil {
		b.Fatal(err)
	}
	gapReportColdWarm(b, service.New(ix), "Köln")
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
	// The municipalities take turns, so that every report is computed (the
	// store keeps the facts of fewer municipalities than there are).
	wall, cpu := make([][]time.Duration, len(ms)), make([][]time.Duration, len(ms))
	for range b.N {
		for i, m := range ms {
			w, c := runTimed(b, 1, func() error { _, err := svc.GapReport(ctx, m, nil); return err })
			wall[i], cpu[i] = append(wall[i], w...), append(cpu[i], c...)
		}
	}
	worst, worstWall, worstCPU := "", 0.0, 0.0
	for i, m := range ms {
		if c := quantileMs(cpu[i], 0.5); c > worstCPU {
			worst, worstCPU, worstWall = m, c, quantileMs(wall[i], 0.5)
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
