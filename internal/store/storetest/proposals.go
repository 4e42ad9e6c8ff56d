package storetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func proposalTests() []Test {
	return []Test{{"CooperationProposals", testCooperationProposals}, {"ProposalsExportImport", testProposalsExportImport}}
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

// Proposals travel in export and import: a document's proposals read back
// normalized with proposer, since and topics (by A then B), export →
// import → export is byte-identical, an imported cooperation replaces the
// proposal of its pair, and a proposal for a pair that cooperates in the
// store is a *Conflict naming it that writes nothing.
func testProposalsExportImport(t *testing.T, s store.Store) {
	ctx := context.Background()
	doc := fixtureSnapshot()
	doc.CooperationProposals = []directory.CooperationProposal{
		{Cooperation: directory.Cooperation{A: "org-vhs", B: "org-moschee", Since: "2025-06-01", Topics: []string{"Sprache"}}, ProposedBy: "org-moschee"},
		{Cooperation: directory.Cooperation{A: "org-ib", B: "org-awo"}, ProposedBy: "org-ib"},
	}
	if err := doc.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := s.Import(ctx, doc); err != nil {
		t.Fatalf("Import: %v", err)
	}
	snap, first := exportJSON(t, s)
	want := []directory.CooperationProposal{
		{Cooperation: directory.Cooperation{A: "org-awo", B: "org-ib"}, ProposedBy: "org-ib"},
		{Cooperation: directory.Cooperation{A: "org-moschee", B: "org-vhs", Since: "2025-06-01", Topics: []string{"Sprache"}}, ProposedBy: "org-moschee"},
	}
	for i := range snap.CooperationProposals {
		snap.CooperationProposals[i].Topics = nilIfEmpty(snap.CooperationProposals[i].Topics)
	}
	if !reflect.DeepEqual(snap.CooperationProposals, want) {
		t.Errorf("exported proposals %+v, want %+v", snap.CooperationProposals, want)
	}
	if len(snap.Cooperations) != len(doc.Cooperations) {
		t.Errorf("proposals leaked into the cooperations: %+v", snap.Cooperations)
	}
	if c := mustCounts(t, s); c.CooperationProposals != 2 || c.Cooperations != 3 {
		t.Errorf("Counts = %+v, want 2 proposals, 3 cooperations", c)
	}
	if err := s.Import(ctx, snap); err != nil {
		t.Fatalf("re-Import: %v", err)
	}
	if _, second := exportJSON(t, s); string(first) != string(second) {
		t.Errorf("export → import → export differs:\n%s\n%s", first, second)
	}

	// A cooperation in a document replaces the stored proposal of its pair.
	confirm := fixtureSnapshot()
	confirm.Cooperations = append(confirm.Cooperations, directory.Cooperation{A: "org-ib", B: "org-awo", Topics: []string{"Wohnen"}})
	if err := s.Import(ctx, confirm); err != nil {
		t.Fatalf("Import of the confirmed pair: %v", err)
	}
	props, err := s.CooperationProposals(ctx, []string{"org-awo"})
	if err != nil || len(props) != 0 {
		t.Errorf("the imported cooperation left its proposal: %+v, %v", props, err)
	}

	// A proposal for a pair that cooperates in the store is refused whole.
	_, before := exportJSON(t, s)
	clash := fixtureSnapshot()
	clash.Offers[0].Title = "Darf nicht ankommen"
	clash.CooperationProposals = []directory.CooperationProposal{{Cooperation: directory.Cooperation{A: "org-awo", B: "org-ib"}, ProposedBy: "org-awo"}}
	err = s.Import(ctx, clash)
	var conflict *store.Conflict
	if !errors.As(err, &conflict) || !strings.HasPrefix(conflict.Field, "cooperationProposals[0]") {
		t.Errorf("a proposal for cooperating organisations: %v; want a Conflict on cooperationProposals[0]", err)
	}
	if _, after := exportJSON(t, s); string(after) != string(before) {
		t.Error("the refused import wrote something")
	}
}

func nilIfEmpty(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	return l
}
