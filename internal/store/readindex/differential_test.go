package readindex_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// demoStores imports the demo network, with some offers and organisations
// made PROFESSIONAL, some offers confidential and some titles made equal (ties), into SQLite and returns it
// with the decorator over it.
func demoStores(t *testing.T) (*sqlite.Store, *readindex.Store, directory.Snapshot) {
	t.Helper()
	snap := demo.Demo()
	rnd := rand.New(rand.NewPCG(7, 7))
	for i := range snap.Offers {
		o := &snap.Offers[i]
		switch rnd.IntN(10) {
		case 0:
			o.Visibility = directory.VisibilityProfessional
		case 1:
			o.ConfidentialAddress = true
		case 2:
			o.Title = "Sprachcafé Deutsch" // a tie the id must break
		case 3:
			o.FreePlaces = nil
		case 4:
			if i > 0 && snap.Offers[i-1].Location != nil {
				l := *snap.Offers[i-1].Location
				o.Location = &l // a tie at equal distance the id must break
			}
		}
	}
	for i := range snap.Organisations {
		if i%7 == 3 {
			snap.Organisations[i].Visibility = directory.VisibilityProfessional // hides all its offers from restricted readers
		}
	}
	inner := newSQLite(t)
	if err := inner.Import(t.Context(), snap); err != nil {
		t.Fatal(err)
	}
	return inner, newIndexed(t, inner), snap
}

// randomQuery draws a search from every filter, order and window the store
// knows, with values taken from the data (and some that match nothing).
func randomQuery(rnd *rand.Rand, snap directory.Snapshot, words []string) store.OfferQuery {
	pick := func(n int) bool { return rnd.IntN(n) == 0 }
	var f store.OfferFilter
	if pick(3) {
		var ts []string
		for range 1 + rnd.IntN(2) {
			w := words[rnd.IntN(len(words))]
			a := rnd.IntN(len(w))
			b := a + 1 + rnd.IntN(len(w)-a)
			ts = append(ts, w[a:b]) // substrings, short ones too (may split a rune: no match)
		}
		if pick(5) {
			ts = append(ts, "MÜTTER", "x-y")
		}
		f.Text = strings.Join(ts, " ")
	}
	if pick(3) {
		f.Categories = sample(rnd, directory.OfferCategories, 1+rnd.IntN(3))
	}
	if pick(4) {
		f.Needs = sample(rnd, directory.NeedAreas, 1+rnd.IntN(2))
	}
	if pick(4) {
		f.TargetGroups = sample(rnd, directory.TargetGroups, 1+rnd.IntN(2))
	}
	if pick(4) {
		f.Languages = sample(rnd, []string{"de", "en", "ar", "tr", "uk", "fa", "ru", "zz"}, 1+rnd.IntN(2))
	}
	if pick(4) {
		f.DistrictIDs = []string{snap.Districts[rnd.IntN(len(snap.Districts))].ID, "no-such-district"}
	}
	if pick(5) {
		f.OrganisationIDs = []string{snap.Organisations[rnd.IntN(len(snap.Organisations))].ID, snap.Organisations[rnd.IntN(len(snap.Organisations))].ID}
	}
	if pick(5) {
		f.Municipality = []string{"Solingen", "Wuppertal", "Nirgendwo"}[rnd.IntN(3)]
	}
	if pick(5) {
		b := pick(2)
		f.Childcare = &b
	}
	f.FreePlacesOnly = pick(5)
	if pick(5) {
		f.Cost = sample(rnd, directory.Costs, 1+rnd.IntN(2))
	}
	if pick(3) {
		f.Status = sample(rnd, directory.OfferStatuses, 1+rnd.IntN(2))
	}
	if pick(5) {
		f.LegalCircuits = sample(rnd, directory.LegalCircuits, 1+rnd.IntN(2))
	}
	if pick(6) {
		a := rnd.IntN(70)
		f.Age = &a
	}
	if pick(3) {
		d := snap.Districts[rnd.IntN(len(snap.Districts))]
		c := directory.GeoPoint{Lat: 51.2, Lon: 7.1}
		if d.Centre != nil {
			c = *d.Centre
		}
		f.Near = &store.Near{Lat: c.Lat + rnd.Float64()*0.02, Lon: c.Lon, RadiusKm: []float64{0.5, 2, 5, 15, 1000}[rnd.IntN(5)]}
	}
	if pick(2) {
		f.Restricted = true
		if pick(2) {
			f.OwnOrganisation = snap.Organisations[rnd.IntN(len(snap.Organisations))].ID
		}
	}
	orders := []store.OfferOrder{"", store.OrderTitle, store.OrderUpdated, store.OrderFreePlaces}
	if f.Near != nil {
		orders = append(orders, store.OrderDistance, store.OrderDistance)
	}
	q := store.OfferQuery{Filter: f, Order: orders[rnd.IntN(len(orders))], Page: store.Page{First: []int{0, 1, 5, 20, 100}[rnd.IntN(5)]}}
	// Cursors at random offers' positions (of this order and centre), forward and backward.
	cursor := func() string {
		o := snap.Offers[rnd.IntN(len(snap.Offers))]
		h := store.OfferHit{Offer: o}
		if f.Near != nil && o.Location != nil {
			d := directory.DistanceKm(directory.GeoPoint{Lat: f.Near.Lat, Lon: f.Near.Lon}, *o.Location)
			h.DistanceKm = &d
		}
		return store.OfferOrdering(q.Order, f.Near).Encode(store.OfferKey(q.Order, h))
	}
	if pick(2) {
		q.Page.After = cursor()
	}
	if pick(3) {
		q.Page.Before = cursor()
	}
	q.Page.Backward = pick(3)
	return q
}

func sample[T any](rnd *rand.Rand, from []T, n int) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = from[rnd.IntN(len(from))]
	}
	return out
}

// words returns the distinct folded words of the offers.
func words(snap directory.Snapshot) []string {
	var ws []string
	for _, o := range snap.Offers {
		ws = append(ws, directory.SearchTerms(o.Title+" "+o.Description)...)
	}
	slices.Sort(ws)
	return slices.Compact(ws)
}

// compareSearches runs n random searches on both and fails on the first
// answer that differs in any hit, distance, count or page flag.
func compareSearches(t *testing.T, inner store.Store, ix *readindex.Store, snap directory.Snapshot, seed uint64, n int) {
	t.Helper()
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(seed, 1))
	ws := words(snap)
	nonEmpty := 0
	for i := range n {
		q := randomQuery(rnd, snap, ws)
		want, werr := inner.SearchOffers(ctx, q)
		got, gerr := ix.SearchOffers(ctx, q)
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("query %d %+v: error %v, want %v", i, q, gerr, werr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("query %d %+v (near %+v):\n got %s\nwant %s", i, q, q.Filter.Near, describe(got), describe(want))
		}
		if want.TotalCount > 0 {
			nonEmpty++
		}
	}
	if nonEmpty < n/4 {
		t.Fatalf("only %d of %d random searches matched anything: the test compares too little", nonEmpty, n)
	}
}

func describe(p store.OfferPage) string {
	var b strings.Builder
	fmt.Fprintf(&b, "total %d previous %v next %v:", p.TotalCount, p.HasPreviousPage, p.HasNextPage)
	for _, h := range p.Hits {
		fmt.Fprintf(&b, " %s", h.Offer.ID)
		if h.DistanceKm != nil {
			fmt.Fprintf(&b, "@%.6f", *h.DistanceKm)
		}
	}
	return b.String()
}

// TestSearchMatchesTheStore: thousands of random searches answer exactly as
// the embedded store does, before and after writes made through the
// decorator.
func TestSearchMatchesTheStore(t *testing.T) {
	inner, ix, snap := demoStores(t)
	compareSearches(t, inner, ix, snap, 1, 1500)

	// Writes through the decorator: updates of every kind, creates, deletes.
	ctx := t.Context()
	rnd := rand.New(rand.NewPCG(3, 3))
	for i := range 60 {
		o := snap.Offers[rnd.IntN(len(snap.Offers))]
		switch i % 3 {
		case 0:
			err := ix.UpdateOffer(ctx, o.ID, func(o *directory.Offer) error {
				o.Title = "Neuer Titel " + o.Title[:1]
				o.Description += " Zusatzwort" + fmt.Sprint(i)
				o.Status = directory.OfferStatuses[rnd.IntN(len(directory.OfferStatuses))]
				o.DistrictID = snap.Districts[rnd.IntN(len(snap.Districts))].ID
				o.Location = &directory.GeoPoint{Lat: 51.1 + rnd.Float64()*0.2, Lon: 7.0 + rnd.Float64()*0.2}
				o.UpdatedAt = time.Date(2027, 1, 1, 0, 0, i, 0, time.UTC)
				o.Visibility = []directory.Visibility{"", directory.VisibilityPublic, directory.VisibilityProfessional}[i%3]
				return nil
			})
			if err != nil && !isNotFound(err) {
				t.Fatal(err)
			}
		case 1:
			n := o
			n.ID = fmt.Sprintf("off-new-%d", i)
			n.Title = "Angebot Neu"
			if err := ix.CreateOffer(ctx, n); err != nil {
				t.Fatal(err)
			}
		case 2:
			if err := ix.DeleteOffer(ctx, o.ID); err != nil && !isNotFound(err) {
				t.Fatal(err)
			}
		}
	}
	snap, err := inner.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	compareSearches(t, inner, ix, snap, 2, 1500)
}

func isNotFound(err error) bool { return errors.Is(err, store.ErrNotFound) }

// TestDistanceTiesMatchTheStore: searches ordered by distance over many
// offers at a few shared places (equal distances, which the id orders) and
// around a page's edge answer exactly as the embedded store does, forward,
// backward and from cursors inside a tie. The read index orders by the
// haversine term and computes distances only near the page's edge: a band
// too narrow fails here.
func TestDistanceTiesMatchTheStore(t *testing.T) {
	snap := demo.Demo()
	places := []directory.GeoPoint{{Lat: 51.25, Lon: 7.15}, {Lat: 51.2501, Lon: 7.15}, {Lat: 51.3, Lon: 7.0}}
	for i := range snap.Offers {
		if i%4 != 0 {
			p := places[i%len(places)]
			snap.Offers[i].Location = &p
		}
	}
	inner := newSQLite(t)
	if err := inner.Import(t.Context(), snap); err != nil {
		t.Fatal(err)
	}
	ix := newIndexed(t, inner)
	ctx := t.Context()
	n := 0
	for _, near := range []store.Near{{Lat: 51.2, Lon: 7.1, RadiusKm: 1000}, {Lat: 51.25, Lon: 7.15, RadiusKm: 15}, {Lat: 50.9, Lon: 6.9, RadiusKm: 1000}} {
		for _, first := range []int{1, 2, 5, 20} {
			for _, backward := range []bool{false, true} {
				for c := -1; c < 12; c++ {
					q := store.OfferQuery{Filter: store.OfferFilter{Near: &near}, Order: store.OrderDistance, Page: store.Page{First: first, Backward: backward}}
					if c >= 0 { // a cursor at an offer in a tie
						o := snap.Offers[1+c*7%len(snap.Offers)]
						d := directory.DistanceKm(directory.GeoPoint{Lat: near.Lat, Lon: near.Lon}, *o.Location)
						k := store.OfferOrdering(q.Order, &near).Encode(store.OfferKey(q.Order, store.OfferHit{Offer: o, DistanceKm: &d}))
						if c%2 == 0 {
							q.Page.After = k
						} else {
							q.Page.Before = k
						}
					}
					want, werr := inner.SearchOffers(ctx, q)
					got, gerr := ix.SearchOffers(ctx, q)
					if fmt.Sprint(werr) != fmt.Sprint(gerr) {
						t.Fatalf("%+v near %+v: error %v, want %v", q, near, gerr, werr)
					}
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%+v near %+v:\n got %s\nwant %s", q, near, describe(got), describe(want))
					}
					if len(want.Hits) > 0 {
						n++
					}
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d searches found anything", n)
	}
}
