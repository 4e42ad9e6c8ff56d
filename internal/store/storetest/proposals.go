package storetest

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func proposalTests() []Test {
	return []Test{{"CooperationProposals", testCooperationProposals}}
}

// A proposal is no cooperation until confirmed: CooperationsOf does not
// return it, CooperationProposals does; confirming moves it over with its
// since and topics; unknown sides, existing cooperations and a missing
// proposal are refused; deleting a side drops its proposals.
func testCooperationProposals(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	ctx := context.Background()
	c := directory.Cooperation{A: "org-vhs", B: "org-moschee", Since: "2025-06-01", Topics: []string{"Sprache"}}
	if err := s.ProposeCooperation(ctx, c, "org-moschee"); err != nil {
		t.Fatalf("ProposeCooperation: %v", err)
	}
	if err := s.ProposeCooperation(ctx, directory.Cooperation{A: "org-vhs", B: "org-nope"}, "org-vhs"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("proposal with an unknown side: %v", err)
	}
	existing := fixtureCooperations()[0]
	if err := s.ProposeCooperation(ctx, existing, existing.A); !errors.Is(err, store.ErrConflict) {
		t.Errorf("proposal of an existing cooperation: %v", err)
	}
	coops, err := s.CooperationsOf(ctx, []string{"org-moschee"})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range coops {
		if x.Other("org-moschee") == "org-vhs" {
			t.Fatalf("a proposal reads as a cooperation: %+v", x)
		}
	}
	props, err := s.CooperationProposals(ctx, []string{"org-vhs"})
	if err != nil {
		t.Fatal(err)
	}
	want := store.Proposal{Cooperation: c.Normalized(), ProposedBy: "org-moschee"}
	if len(props) != 1 || !reflect.DeepEqual(props[0], want) {
		t.Fatalf("CooperationProposals = %+v, want [%+v]", props, want)
	}
	if _, err := s.ConfirmCooperation(ctx, "org-awo", "org-moschee"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("confirming no proposal: %v", err)
	}
	got, err := s.ConfirmCooperation(ctx, "org-moschee", "org-vhs")
	if err != nil {
		t.Fatalf("ConfirmCooperation: %v", err)
	}
	if !reflect.DeepEqual(got, c.Normalized()) {
		t.Errorf("confirmed %+v, want %+v", got, c.Normalized())
	}
	coops, _ = s.CooperationsOf(ctx, []string{"org-moschee"})
	found := false
	for _, x := range coops {
		found = found || (x.Other("org-moschee") == "org-vhs" && reflect.DeepEqual(x, c.Normalized()))
	}
	if !found {
		t.Errorf("confirmed cooperation missing from %+v", coops)
	}
	if props, _ := s.CooperationProposals(ctx, []string{"org-vhs", "org-moschee"}); len(props) != 0 {
		t.Errorf("proposal left after confirming: %+v", props)
	}
	// Deleting a side drops its proposals.
	if err := s.CreateOrganisation(ctx, directory.Organisation{ID: "org-neu", Name: "Neu", Kind: directory.KindOther, UpdatedAt: day(2025, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	if err := s.ProposeCooperation(ctx, directory.Cooperation{A: "org-neu", B: "org-vhs"}, "org-neu"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteOrganisation(ctx, "org-neu"); err != nil {
		t.Fatal(err)
	}
	if props, _ := s.CooperationProposals(ctx, []string{"org-vhs"}); len(props) != 0 {
		t.Errorf("proposal of a deleted organisation left: %+v", props)
	}
}
