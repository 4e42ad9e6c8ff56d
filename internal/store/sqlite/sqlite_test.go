package sqlite_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
	"github.com/lotse-kim/lotse/internal/store/storetest"
)

var _ store.Store = (*sqlite.Store)(nil)

func newStore(t *testing.T) store.Store {
	t.Helper()
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) { storetest.Run(t, newStore) }

// TestGapFactsSeeOtherWriters: GapFacts keeps the directory's part of its
// facts while the directory's version stands, so a write by another process
// on the same file (another Store here) and an unmet need recorded since
// (outside the change log) must both be in the next facts.
func TestGapFactsSeeOtherWriters(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "lotse.db")
	open := func() *sqlite.Store {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	reader, writer := open(), open()
	at := time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)
	if err := writer.PutDistricts(ctx, []directory.District{{ID: "d-1", Name: "Mitte", Municipality: "Solingen", Population: 1000}}); err != nil {
		t.Fatal(err)
	}
	if err := writer.CreateOrganisation(ctx, directory.Organisation{ID: "org-1", Name: "VHS", Kind: directory.KindEducationProvider,
		DistrictID: "d-1", Municipality: "Solingen", UpdatedAt: at}); err != nil {
		t.Fatal(err)
	}
	ten, zero := 10, 0
	offer := directory.Offer{ID: "off-1", ProviderID: "org-1", Title: "Deutschkurs", Category: directory.CategoryLanguageCourse,
		Needs: []directory.NeedArea{directory.NeedLanguage}, Languages: []string{"de"}, Cost: directory.CostFree,
		Funding: directory.FundingFunded, Status: directory.StatusActive, Capacity: &ten, FreePlaces: &ten, DistrictID: "d-1", UpdatedAt: at}
	if err := writer.CreateOffer(ctx, offer); err != nil {
		t.Fatal(err)
	}
	q := store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1}
	facts := func() store.GapFacts {
		t.Helper()
		f, err := reader.GapFacts(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if f := facts(); len(f.AlwaysFull) != 0 || len(f.Supply) != 1 || f.Supply[0].FreePlaces != 10 || len(f.UnmetNeeds) != 0 {
		t.Fatalf("before the writes: %d always full, supply %+v, %d unmet; want 0, 10 free places, 0", len(f.AlwaysFull), f.Supply, len(f.UnmetNeeds))
	}
	facts() // kept now
	if err := writer.UpdateOffer(ctx, "off-1", func(o *directory.Offer) error { o.FreePlaces = &zero; return nil }); err != nil {
		t.Fatal(err)
	}
	if f := facts(); len(f.AlwaysFull) != 1 || f.Supply[0].FreePlaces != 0 {
		t.Fatalf("after another process filled the offer: %d always full, supply %+v; want 1, 0 free places", len(f.AlwaysFull), f.Supply)
	}
	if err := writer.RecordUnmetNeeds(ctx, []directory.UnmetNeed{{ID: "un-1", Need: directory.NeedHousing, DistrictID: "d-1", RecordedOn: "2025-04-01"}}); err != nil {
		t.Fatal(err)
	}
	if f := facts(); len(f.UnmetNeeds) != 1 {
		t.Fatalf("after an unmet need was recorded: %d unmet-need counts, want 1", len(f.UnmetNeeds))
	}
	// What a caller does with the facts does not reach the next caller.
	f := facts()
	f.AlwaysFull[0].Title = "changed"
	f.AlwaysFull[0].Needs[0] = directory.NeedWork
	if g := facts(); g.AlwaysFull[0].Title != "Deutschkurs" || g.AlwaysFull[0].Needs[0] != directory.NeedLanguage {
		t.Fatalf("a caller's change reached the next caller: %q %v", g.AlwaysFull[0].Title, g.AlwaysFull[0].Needs)
	}
}
