package storetest

import (
	"context"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// GapFactsSeeOtherWriters: a store keeps the directory's part of its gap
// facts while the directory's stamp stands (store.GapMemo), so a write by
// another process or replica on the same database (writer) and an unmet
// need recorded since (outside the change log) must both be in reader's
// next facts, and what a caller does with the facts must not reach the
// next caller. reader and writer are two stores on one empty database.
func GapFactsSeeOtherWriters(t *testing.T, reader, writer store.Store) {
	ctx := t.Context()
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
	facts := func() store.GapFacts { t.Helper(); return solingenGapFacts(ctx, t, reader) }
	if f := facts(); len(f.AlwaysFull) != 0 || len(f.Supply) != 1 || f.Supply[0].FreePlaces != 10 || len(f.UnmetNeeds) != 0 {
		t.Fatalf("before the writes: %d always full, supply %+v, %d unmet; want 0, 10 free places, 0", len(f.AlwaysFull), f.Supply, len(f.UnmetNeeds))
	}
	facts() // kept now
	if err := writer.UpdateOffer(ctx, "off-1", func(o *directory.Offer) error { o.FreePlaces = &zero; return nil }); err != nil {
		t.Fatal(err)
	}
	if f := facts(); len(f.AlwaysFull) != 1 || f.Supply[0].FreePlaces != 0 {
		t.Fatalf("after another writer filled the offer: %d always full, supply %+v; want 1, 0 free places", len(f.AlwaysFull), f.Supply)
	}
	if err := writer.RecordUnmetNeeds(ctx, []directory.UnmetNeed{{ID: "un-1", Need: directory.NeedHousing, DistrictID: "d-1", RecordedOn: "2025-04-01"}}); err != nil {
		t.Fatal(err)
	}
	if f := facts(); len(f.UnmetNeeds) != 1 {
		t.Fatalf("after an unmet need was recorded: %d unmet-need counts, want 1", len(f.UnmetNeeds))
	}
	f := facts()
	f.AlwaysFull[0].Title = "changed"
	f.AlwaysFull[0].Needs[0] = directory.NeedWork
	if g := facts(); g.AlwaysFull[0].Title != "Deutschkurs" || g.AlwaysFull[0].Needs[0] != directory.NeedLanguage {
		t.Fatalf("a caller's change reached the next caller: %q %v", g.AlwaysFull[0].Title, g.AlwaysFull[0].Needs)
	}
}

func solingenGapFacts(ctx context.Context, t *testing.T, s store.Store) store.GapFacts {
	t.Helper()
	f, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1})
	if err != nil {
		t.Fatal(err)
	}
	return f
}
