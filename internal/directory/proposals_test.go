package directory

import "testing"

// A document's proposals are checked like its cooperations, and besides:
// the proposer is one side, and the pair does not cooperate in the document.
func TestSnapshotProposals(t *testing.T) {
	orgs := []Organisation{{ID: "a", Name: "A", Kind: KindOther}, {ID: "b", Name: "B", Kind: KindOther}, {ID: "c", Name: "C", Kind: KindOther}}
	s := Snapshot{Format: SnapshotFormat, Organisations: orgs,
		Cooperations: []Cooperation{{A: "a", B: "b"}},
		CooperationProposals: []CooperationProposal{
			{Cooperation: Cooperation{A: "b", B: "a"}, ProposedBy: "a"},                     // cooperates already
			{Cooperation: Cooperation{A: "a", B: "c"}, ProposedBy: "b"},                     // b is no side
			{Cooperation: Cooperation{A: "c", B: "x"}, ProposedBy: "c"},                     // x is no organisation
			{Cooperation: Cooperation{A: "c", B: "a"}, ProposedBy: "c"},                     // a−c twice
			{Cooperation: Cooperation{A: "b", B: "c", Since: "2025-13-01"}, ProposedBy: ""}, // bad date, no proposer
		}}
	f := fields(t, s.Validate())
	for _, want := range []string{"cooperationProposals[0]", "cooperationProposals[1].proposedBy", "cooperationProposals[2].b",
		"cooperationProposals[3]", "cooperationProposals[4].since", "cooperationProposals[4].proposedBy"} {
		if f[want] == "" {
			t.Errorf("no problem at %s: %v", want, f)
		}
	}
	s.CooperationProposals = []CooperationProposal{{Cooperation: Cooperation{A: "c", B: "a", Topics: []string{"Sprache"}}, ProposedBy: "c"}}
	if err := s.Validate(); err != nil {
		t.Errorf("a good proposal: %v", err)
	}
}
