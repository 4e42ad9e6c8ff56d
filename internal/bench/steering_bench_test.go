package bench

import (
	"context"
	"slices"
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
	svc := service.New(nrwStore(b))
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
