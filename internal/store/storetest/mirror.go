package storetest

import (
	"reflect"
	"testing"

	"github.com/lotse-kim/lotse/internal/store"
)

// Mirror tests pin details in which the two backends once differed (found by
// the SQLite-vs-Neo4j differential test in internal/server).
func mirrorTests() []Test {
	return []Test{
		{"WorkingGroupsReadBackByID", testWorkingGroupsReadBackByID},
	}
}

func testWorkingGroupsReadBackByID(t *testing.T, s store.Store) {
	putBasics(t, s)
	o := fixtureOrganisations()[0]
	o.WorkingGroupIDs = []string{"ag-sprache", "ag-arbeit"} // not in id order
	if err := s.CreateOrganisation(t.Context(), o); err != nil {
		t.Fatal(err)
	}
	got, err := s.OrganisationsByID(t.Context(), []string{o.ID})
	if err != nil || len(got) != 1 {
		t.Fatalf("OrganisationsByID = %v, %v", got, err)
	}
	if want := []string{"ag-arbeit", "ag-sprache"}; !reflect.DeepEqual(got[0].WorkingGroupIDs, want) {
		t.Errorf("WorkingGroupIDs = %v, want %v (ordered by id)", got[0].WorkingGroupIDs, want)
	}
}
