package service_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/matching"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// TestCandidatesAsOneSearch: matchOffers searches near the client first and
// widens step by step, and its answer must be that of one search of the
// client's whole radius for the MaxCandidates nearest offers. The rings put
// just under MaxCandidates offers within NearRadiusKm (the case the density
// estimate serves), a few (the whole radius at once), more than enough, and
// a density that thins out beyond the estimate (three searches).
func TestCandidatesAsOneSearch(t *testing.T) {
	origin := directory.GeoPoint{Lat: 51.0, Lon: 7.0}
	type ring struct {
		n            int
		fromKm, toKm float64
	}
	for _, tc := range []struct {
		name  string
		rings []ring
	}{
		{"just under the candidates within 3 km", []ring{{195, 0, 3}, {400, 3, 15}}},
		{"a few within 3 km", []ring{{5, 0, 3}, {400, 3, 15}}},
		{"enough within 3 km", []ring{{260, 0, 3}, {100, 3, 15}}},
		{"thinning beyond the estimate", []ring{{150, 0, 3}, {20, 3, 4}, {300, 8, 15}}},
		{"fewer than the candidates in all", []ring{{60, 0, 3}, {40, 3, 15}, {30, 15, 20}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(3, 5))
			snap := directory.Snapshot{Format: directory.SnapshotFormat,
				Districts:     []directory.District{{ID: "d-1", Name: "Mitte", Municipality: "Teststadt", Population: 50000}},
				Organisations: []directory.Organisation{{ID: "org-1", Name: "Träger", Kind: directory.KindOther, Municipality: "Teststadt", UpdatedAt: time.Unix(0, 0).UTC()}}}
			for _, r := range tc.rings {
				for range r.n {
					d, bearing := r.fromKm+rng.Float64()*(r.toKm-r.fromKm), rng.Float64()*2*math.Pi
					at := directory.GeoPoint{Lat: origin.Lat + d/111.2*math.Cos(bearing),
						Lon: origin.Lon + d/(111.2*math.Cos(origin.Lat*math.Pi/180))*math.Sin(bearing)}
					i := len(snap.Offers)
					snap.Offers = append(snap.Offers, directory.Offer{
						ID: fmt.Sprintf("off-%04d", i), ProviderID: "org-1", Title: fmt.Sprintf("Kurs %d", i),
						Category: directory.CategoryLanguageCourse, Needs: []directory.NeedArea{directory.NeedLanguage},
						Languages: []string{[]string{"de", "ar", "tr"}[i%3]}, Cost: directory.CostFree,
						Funding: directory.FundingFunded, Status: directory.StatusActive, Location: &at, DistrictID: "d-1",
						UpdatedAt: time.Unix(int64(i), 0).UTC()})
				}
			}
			st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "lotse.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			if err := st.Import(t.Context(), snap); err != nil {
				t.Fatal(err)
			}
			svc := service.New(st)
			c := matching.Client{Needs: []directory.NeedArea{directory.NeedLanguage}, Languages: []string{"ar"}, Location: &origin}
			got, err := svc.MatchOffers(t.Context(), c, service.MaxMatches)
			if err != nil {
				t.Fatal(err)
			}
			one, err := st.SearchOffers(t.Context(), store.OfferQuery{Filter: matching.CandidateFilter(c, &origin),
				Order: store.OrderDistance, Page: store.Page{First: service.MaxCandidates}})
			if err != nil {
				t.Fatal(err)
			}
			want := matching.Rank(c, one.Hits, service.MaxMatches)
			if len(want) == 0 {
				t.Fatal("one search found no match: the case tests nothing")
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("matchOffers gave %d matches, one search of the whole radius %d; first difference at %d",
					len(got), len(want), firstDifference(got, want))
			}
		})
	}
}

func firstDifference(a, b []matching.Match) int {
	for i := range min(len(a), len(b)) {
		if !reflect.DeepEqual(a[i], b[i]) {
			return i
		}
	}
	return min(len(a), len(b))
}
