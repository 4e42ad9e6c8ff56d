package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// The change log (store.ChangeLog): what a read index on another replica or
// process reads to learn of writes it did not make.
func changeLogTests() []Test {
	return []Test{
		{"ChangeLogNumbersDirectoryWrites", testChangeLogNumbersDirectoryWrites},
		{"ChangeLogPagesAndSkipsFailedWrites", testChangeLogPagesAndSkipsFailedWrites},
	}
}

func testChangeLogNumbersDirectoryWrites(t *testing.T, s store.Store) {
	ctx := t.Context()
	if v, err := s.DirectoryVersion(ctx); err != nil || v != 0 {
		t.Fatalf("DirectoryVersion of an empty store = %d, %v; want 0", v, err)
	}
	putBasics(t, s) // districts (logged), working groups (not: no read index holds them)
	org, off := fixtureOrganisations()[0], fixtureOffers()[0]
	steps := []struct {
		name  string
		write func() error
		want  store.DirectoryChange
	}{
		{"createOrganisation", func() error { return s.CreateOrganisation(ctx, org) },
			store.DirectoryChange{Kind: store.ChangeOrganisations, IDs: []string{org.ID}}},
		{"updateOrganisation", func() error {
			return s.UpdateOrganisation(ctx, org.ID, func(o *directory.Organisation) error { o.Name += " e.V."; return nil })
		}, store.DirectoryChange{Kind: store.ChangeOrganisations, IDs: []string{org.ID}}},
		{"createOffer", func() error { return s.CreateOffer(ctx, off) },
			store.DirectoryChange{Kind: store.ChangeOffers, IDs: []string{off.ID}}},
		{"updateOffer", func() error {
			return s.UpdateOffer(ctx, off.ID, func(o *directory.Offer) error { o.FreePlaces = intp(1); return nil })
		}, store.DirectoryChange{Kind: store.ChangeOffers, IDs: []string{off.ID}}},
		{"deleteOffer", func() error { return s.DeleteOffer(ctx, off.ID) },
			store.DirectoryChange{Kind: store.ChangeOffers, IDs: []string{off.ID}}},
		{"deleteOrganisation", func() error { return s.DeleteOrganisation(ctx, org.ID) },
			store.DirectoryChange{Kind: store.ChangeOrganisations, IDs: []string{org.ID}}},
		{"import", func() error { return s.Import(ctx, directory.Snapshot{Districts: fixtureDistricts()[:1]}) },
			store.DirectoryChange{Kind: store.ChangeAll, IDs: []string{}}},
	}
	want := []store.DirectoryChange{{Seq: 1, Kind: store.ChangeDistricts, IDs: store.DistrictIDs(fixtureDistricts())}}
	for i, st := range steps {
		if err := st.write(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		st.want.Seq = int64(i + 2)
		want = append(want, st.want)
		if v, err := s.DirectoryVersion(ctx); err != nil || v != st.want.Seq {
			t.Fatalf("after %s: DirectoryVersion = %d, %v; want %d", st.name, v, err, st.want.Seq)
		}
	}
	got, ok, err := s.DirectoryChanges(ctx, 0, 100)
	if err != nil || !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("DirectoryChanges(0) = %+v, %v, %v;\nwant %+v, true", got, ok, err, want)
	}
}

func testChangeLogPagesAndSkipsFailedWrites(t *testing.T, s store.Store) {
	ctx := t.Context()
	putBasics(t, s)
	org := fixtureOrganisations()[0]
	if err := s.CreateOrganisation(ctx, org); err != nil {
		t.Fatal(err)
	}
	// A write that fails logs nothing; writes outside the directory's
	// districts, organisations and offers log nothing either.
	if err := s.CreateOrganisation(ctx, org); err == nil {
		t.Fatal("second CreateOrganisation with the same id succeeded")
	}
	if err := s.DeleteOffer(ctx, "no-such-offer"); err == nil {
		t.Fatal("DeleteOffer of an unknown id succeeded")
	}
	if err := s.CreateToken(ctx, access.Token{ID: "tok-1", Hash: "h1", Name: "x", Role: access.RoleAdmin, CreatedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if v, err := s.DirectoryVersion(ctx); err != nil || v != 2 {
		t.Fatalf("DirectoryVersion = %d, %v; want 2 (districts, one organisation)", v, err)
	}
	got, ok, err := s.DirectoryChanges(ctx, 1, 100)
	if err != nil || !ok || len(got) != 1 || got[0].Seq != 2 || got[0].Kind != store.ChangeOrganisations {
		t.Fatalf("DirectoryChanges(1) = %+v, %v, %v; want the organisation's change only", got, ok, err)
	}
	if got, ok, err := s.DirectoryChanges(ctx, 0, 1); err != nil || !ok || len(got) != 1 || got[0].Seq != 1 {
		t.Fatalf("DirectoryChanges(0, limit 1) = %+v, %v, %v; want change 1 only", got, ok, err)
	}
	if got, ok, err := s.DirectoryChanges(ctx, 2, 100); err != nil || !ok || len(got) != 0 {
		t.Fatalf("DirectoryChanges(latest) = %+v, %v, %v; want none, true", got, ok, err)
	}
}
