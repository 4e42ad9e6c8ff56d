package sqlite

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// The radius search has two statements (the grid fast path for matching's
// distance-ordered searches, the general one for everything else). Both must
// give exactly what a brute-force scan in Go gives, across cell borders.
func TestRadiusSearchAgreesWithBruteForce(t *testing.T) {
	ctx := t.Context()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "grid.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(7, 11))
	snap := directory.Snapshot{Format: directory.SnapshotFormat,
		Districts:     []directory.District{{ID: "d", Name: "D", Municipality: "M", Population: 1000}},
		Organisations: []directory.Organisation{{ID: "org", Name: "Org", Kind: directory.KindOther}}}
	pick := func(n int) int { return r.IntN(n) }
	for i := range 900 {
		o := directory.Offer{ID: fmt.Sprintf("off-%04d", i), ProviderID: "org", Title: fmt.Sprintf("Angebot %d", pick(50)),
			Category: directory.OfferCategories[pick(4)], Needs: []directory.NeedArea{directory.NeedAreas[pick(4)]},
			Languages: []string{"de"}, Cost: directory.Costs[pick(3)], Funding: directory.FundingFunded,
			Status: directory.OfferStatuses[pick(3)], Childcare: pick(2) == 0, DistrictID: "d",
			// Around Solingen, across several 0.05° cells.
			Location: &directory.GeoPoint{Lat: 51.10 + r.Float64()*0.2, Lon: 6.95 + r.Float64()*0.25}}
		if pick(3) == 0 {
			o.LegalCircuits = []directory.LegalCircuit{directory.LegalCircuits[pick(3)]}
		}
		if pick(3) == 0 {
			a, b := 10+pick(20), 30+pick(40)
			o.AgeMin, o.AgeMax = &a, &b
		}
		if pick(2) == 0 {
			c, f := 10, pick(3)
			o.Capacity, o.FreePlaces = &c, &f
		}
		snap.Offers = append(snap.Offers, o)
	}
	if err := s.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	for q := range 60 {
		f := store.OfferFilter{Near: &store.Near{Lat: 51.10 + r.Float64()*0.2, Lon: 6.95 + r.Float64()*0.25, RadiusKm: 0.5 + r.Float64()*6}}
		if pick(2) == 0 {
			f.Status = []directory.OfferStatus{directory.StatusActive}
		}
		if pick(2) == 0 {
			f.Needs = []directory.NeedArea{directory.NeedAreas[pick(4)], directory.NeedAreas[pick(4)]}
		}
		if pick(3) == 0 {
			f.LegalCircuits = []directory.LegalCircuit{directory.LegalCircuits[pick(3)]}
		}
		if pick(3) == 0 {
			age := 15 + pick(50)
			f.Age = &age
		}
		if pick(3) == 0 {
			f.Categories = []directory.OfferCategory{directory.OfferCategories[pick(4)]}
		}
		if pick(4) == 0 {
			f.Cost = []directory.Cost{directory.CostFree}
		}
		if pick(4) == 0 {
			cc := pick(2) == 0
			f.Childcare = &cc
		}
		f.FreePlacesOnly = pick(4) == 0

		var want []string
		dist := map[string]float64{}
		for _, o := range snap.Offers {
			d := directory.DistanceKm(directory.GeoPoint{Lat: f.Near.Lat, Lon: f.Near.Lon}, *o.Location)
			if d <= f.Near.RadiusKm && bruteMatch(f, o) {
				want = append(want, o.ID)
				dist[o.ID] = d
			}
		}
		sort.Slice(want, func(i, j int) bool {
			if dist[want[i]] != dist[want[j]] {
				return dist[want[i]] < dist[want[j]]
			}
			return want[i] < want[j]
		})
		for _, order := range []store.OfferOrder{store.OrderDistance, store.OrderTitle} {
			page, err := s.SearchOffers(ctx, store.OfferQuery{Filter: f, Order: order, Page: store.Page{First: store.MaxPageSize}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range page.Hits {
				got = append(got, h.Offer.ID)
			}
			if order == store.OrderTitle {
				got, want := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
				if !slices.Equal(got, want) {
					t.Fatalf("query %d %+v (general path): got %d offers, want %d", q, f, len(got), len(want))
				}
			} else if !slices.Equal(got, want) {
				t.Fatalf("query %d %+v (grid path, by distance): got %v, want %v", q, f, got, want)
			}
			if page.TotalCount != len(want) {
				t.Fatalf("query %d: totalCount %d, want %d", q, page.TotalCount, len(want))
			}
		}
	}
}

// bruteMatch is OfferFilter's meaning for the fields the test varies.
func bruteMatch(f store.OfferFilter, o directory.Offer) bool {
	if len(f.Status) > 0 && !slices.Contains(f.Status, o.Status) {
		return false
	}
	if len(f.Needs) > 0 && !slices.ContainsFunc(o.Needs, func(n directory.NeedArea) bool { return slices.Contains(f.Needs, n) }) {
		return false
	}
	if len(f.LegalCircuits) > 0 && len(o.LegalCircuits) > 0 &&
		!slices.ContainsFunc(o.LegalCircuits, func(c directory.LegalCircuit) bool { return slices.Contains(f.LegalCircuits, c) }) {
		return false
	}
	if f.Age != nil && ((o.AgeMin != nil && *o.AgeMin > *f.Age) || (o.AgeMax != nil && *o.AgeMax < *f.Age)) {
		return false
	}
	if len(f.Categories) > 0 && !slices.Contains(f.Categories, o.Category) {
		return false
	}
	if len(f.Cost) > 0 && !slices.Contains(f.Cost, o.Cost) {
		return false
	}
	if f.Childcare != nil && o.Childcare != *f.Childcare {
		return false
	}
	if f.FreePlacesOnly && (o.FreePlaces == nil || *o.FreePlaces <= 0) {
		return false
	}
	return true
}
