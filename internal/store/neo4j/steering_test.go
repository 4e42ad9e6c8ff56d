package neo4j

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestLargeReadsAgree: the shortcuts for large reads answer as the general
// statements do — CooperationProposals for more than manyProposalIDs ids
// reads every proposal and filters them in Go, CooperationGraph("") reads
// every cooperation instead of those among the listed organisations.
func TestLargeReadsAgree(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := context.Background()
	snap := demo.Demo()
	if err := s.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	orgs := snap.Organisations
	// Proposals between pairs that do not cooperate yet.
	coop := map[[2]string]bool{}
	for _, c := range snap.Cooperations {
		n := c.Normalized()
		coop[[2]string{n.A, n.B}] = true
	}
	proposed := 0
	for i := 0; i < len(orgs) && proposed < 6; i++ {
		a, b := orgs[i], orgs[(i*7+3)%len(orgs)]
		n := directory.Cooperation{A: a.ID, B: b.ID}.Normalized()
		if a.ID == b.ID || coop[[2]string{n.A, n.B}] {
			continue
		}
		coop[[2]string{n.A, n.B}] = true
		if err := s.ProposeCooperation(ctx, directory.Cooperation{A: a.ID, B: b.ID, Topics: []string{"Test"}}, a.ID); err != nil {
			t.Fatal(err)
		}
		proposed++
	}
	few := []string{orgs[0].ID, orgs[3].ID, orgs[10].ID}
	many := append([]string{}, few...)
	for i := 0; len(many) <= manyProposalIDs; i++ {
		many = append(many, fmt.Sprintf("unknown-%d", i))
	}
	want, err := s.CooperationProposals(ctx, few)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.CooperationProposals(ctx, many)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("proposals of %d ids = %+v\nof the %d known ones = %+v (want equal, not empty)", len(many), got, len(few), want)
	}
	all := make([]string, len(orgs))
	for i, o := range orgs {
		all[i] = o.ID
	}
	if got, err := s.CooperationProposals(ctx, all); err != nil || len(got) != proposed {
		t.Errorf("proposals of all organisations: %d, %v; want %d", len(got), err, proposed)
	}

	g, err := s.CooperationGraph(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var among store.Graph
	if err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		among, err = graphAmong(ctx, tx, g.Organisations, stCooperationsAmong, idsParam(organisationIDs(g.Organisations)))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(g.Organisations) != len(orgs) || len(g.Cooperations) != len(snap.Cooperations) || !reflect.DeepEqual(g, among) {
		t.Errorf("CooperationGraph(\"\"): %d organisations, %d cooperations (want %d, %d), equal to cooperations_among: %v",
			len(g.Organisations), len(g.Cooperations), len(orgs), len(snap.Cooperations), reflect.DeepEqual(g, among))
	}
}

// TestGapFactsSeeOtherWriters: the gap facts a store keeps must show a
// write by another replica on the same database (storetest).
func TestGapFactsSeeOtherWriters(t *testing.T) {
	reader := openTestStore(t, nil)
	storetest.GapFactsSeeOtherWriters(t, reader, openTestStore(t, nil))
}

// TestGapFactsAfterWipe: a database emptied under a running store and
// filled again numbers its changes from 1 again; the facts kept for the
// same number before must not come back (the log's epoch differs).
func TestGapFactsAfterWipe(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := t.Context()
	fill := func(free int) {
		t.Helper()
		at := time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)
		ten := 10
		if err := s.PutDistricts(ctx, []directory.District{{ID: "d-1", Name: "Mitte", Municipality: "Solingen", Population: 1000}}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateOrganisation(ctx, directory.Organisation{ID: "org-1", Name: "VHS", Kind: directory.KindEducationProvider,
			DistrictID: "d-1", Municipality: "Solingen", UpdatedAt: at}); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateOffer(ctx, directory.Offer{ID: "off-1", ProviderID: "org-1", Title: "Deutschkurs",
			Category: directory.CategoryLanguageCourse, Needs: []directory.NeedArea{directory.NeedLanguage}, Languages: []string{"de"},
			Cost: directory.CostFree, Funding: directory.FundingFunded, Status: directory.StatusActive, Capacity: &ten,
			FreePlaces: &free, DistrictID: "d-1", UpdatedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	q := store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1}
	fill(10)
	for range 2 { // the second is kept
		if f, err := s.GapFacts(ctx, q); err != nil || len(f.AlwaysFull) != 0 {
			t.Fatalf("before the wipe: %d always full, %v; want 0", len(f.AlwaysFull), err)
		}
	}
	if err := s.wipe(ctx); err != nil {
		t.Fatal(err)
	}
	fill(0)
	if f, err := s.GapFacts(ctx, q); err != nil || len(f.AlwaysFull) != 1 {
		t.Fatalf("after the wipe and the same number of writes: %d always full, %v; want 1", len(f.AlwaysFull), err)
	}
}

// TestGapBaseCatchesUp: after each kind of directory change a store that
// brings its kept gap base up to date answers as a store that reads
// everything anew (a fresh one on the same database), for two cities and
// two radii: an offer filled, a course created far from any childcare,
// childcare closed and moved, an offer moved to another city, one deleted,
// an organisation renamed, a district changed.
func TestGapBaseCatchesUp(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := t.Context()
	snap := demo.Demo()
	if err := s.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	cfg, _ := testConfig()
	qs := []store.GapQuery{{Municipality: "Solingen", ChildcareRadiusKm: 1}, {Municipality: "Wuppertal", ChildcareRadiusKm: 3},
		{Municipality: "Solingen", Needs: []directory.NeedArea{directory.NeedLanguage}, ChildcareRadiusKm: 1}}
	compare := func(step string) {
		t.Helper()
		fresh, err := Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer fresh.Close()
		for _, q := range qs {
			got, err := s.GapFacts(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			want, err := fresh.GapFacts(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s, %+v: the kept base answers\n%+v\nreading anew answers\n%+v", step, q, got, want)
			}
		}
	}
	compare("imported")
	for _, step := range gapBaseSteps(t, snap) {
		if err := step.write(ctx, s); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		compare(step.name)
	}
}

type gapBaseStep struct {
	name  string
	write func(ctx context.Context, s *Store) error
}

// gapBaseSteps are TestGapBaseCatchesUp's changes, on the demo network.
func gapBaseSteps(t *testing.T, snap directory.Snapshot) []gapBaseStep {
	t.Helper()
	city := map[string]string{}
	for _, d := range snap.Districts {
		city[d.ID] = d.Municipality
	}
	first := func(ok func(o directory.Offer) bool) directory.Offer {
		t.Helper()
		for _, o := range snap.Offers {
			if ok(o) {
				return o
			}
		}
		t.Fatal("no such offer in the demo network")
		return directory.Offer{}
	}
	inSolingen := func(o directory.Offer) bool { return city[o.DistrictID] == "Solingen" }
	withFree := first(func(o directory.Offer) bool {
		return inSolingen(o) && o.Status == directory.StatusActive && o.Capacity != nil && o.FreePlaces != nil && *o.FreePlaces > 0
	})
	childcare := first(func(o directory.Offer) bool { return inSolingen(o) && store.IsChildcareNearby(o) })
	course := first(func(o directory.Offer) bool {
		_, _, c := store.GapListing(o)
		return inSolingen(o) && c && o.Location != nil
	})
	other := first(func(o directory.Offer) bool { return city[o.DistrictID] == "Wuppertal" })
	gone := first(func(o directory.Offer) bool {
		return inSolingen(o) && o.ID != withFree.ID && o.ID != childcare.ID && o.ID != course.ID
	})
	update := func(id string, fn func(o *directory.Offer)) func(ctx context.Context, s *Store) error {
		return func(ctx context.Context, s *Store) error {
			return s.UpdateOffer(ctx, id, func(o *directory.Offer) error { fn(o); return nil })
		}
	}
	zero := 0
	far := course
	far.ID, far.Title, far.Location = "off-gap-far", "Kurs am Rand", &directory.GeoPoint{Lat: 51.30, Lon: 7.20}
	return []gapBaseStep{
		{"an offer filled", update(withFree.ID, func(o *directory.Offer) { o.FreePlaces = &zero })},
		{"a course far from childcare", func(ctx context.Context, s *Store) error { return s.CreateOffer(ctx, far) }},
		{"childcare paused", update(childcare.ID, func(o *directory.Offer) { o.Status = directory.StatusPaused })},
		{"childcare again, beside the far course", update(childcare.ID, func(o *directory.Offer) {
			o.Status, o.Location = directory.StatusActive, &directory.GeoPoint{Lat: 51.3001, Lon: 7.2001}
		})},
		{"an offer moved to Solingen", update(other.ID, func(o *directory.Offer) { o.DistrictID = withFree.DistrictID })},
		{"an offer deleted", func(ctx context.Context, s *Store) error { return s.DeleteOffer(ctx, gone.ID) }},
		{"an organisation renamed", func(ctx context.Context, s *Store) error {
			return s.UpdateOrganisation(ctx, withFree.ProviderID, func(o *directory.Organisation) error { o.Name += " (neu)"; return nil })
		}},
		{"a district renamed", func(ctx context.Context, s *Store) error {
			d := snap.Districts[0]
			d.Name += " (neu)"
			return s.PutDistricts(ctx, []directory.District{d})
		}},
		{"a district of Solingen renamed", func(ctx context.Context, s *Store) error {
			d := district(t, snap, "Solingen")
			d.Name += " (umbenannt)"
			return s.PutDistricts(ctx, []directory.District{d})
		}},
		{"a district moved from Wuppertal to Solingen", func(ctx context.Context, s *Store) error {
			d := district(t, snap, "Wuppertal")
			d.Municipality = "Solingen"
			return s.PutDistricts(ctx, []directory.District{d})
		}},
	}
}

// district returns the first district of municipality m in snap.
func district(t *testing.T, snap directory.Snapshot, m string) directory.District {
	t.Helper()
	for _, d := range snap.Districts {
		if d.Municipality == m {
			return d
		}
	}
	t.Fatalf("no district of %s in the demo network", m)
	return directory.District{}
}

// TestGapFactsConcurrent: gap reports of one city while its offers change
// (run with -race): no call sees another's base half-changed, and once the
// writes stop the kept facts equal those read anew.
func TestGapFactsConcurrent(t *testing.T) {
	s := openTestStore(t, nil)
	ctx := t.Context()
	snap := demo.Demo()
	if err := s.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	q := store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1}
	offer := gapBaseSteps(t, snap)[0] // an offer of Solingen filled
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Go(func() {
			for range 10 {
				if _, err := s.GapFacts(ctx, q); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Go(func() {
		for range 5 {
			if err := offer.write(ctx, s); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	cfg, _ := testConfig()
	fresh, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	got, err := s.GapFacts(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	want, err := fresh.GapFacts(ctx, q)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("after concurrent reports and writes the kept facts differ from those read anew (%v)", err)
	}
}
