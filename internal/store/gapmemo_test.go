package store

import (
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
)

// TestGapMemo: facts come back only for the same query (needs in any
// order) at the same stamp; a newer version or another epoch drops them.
func TestGapMemo(t *testing.T) {
	var m GapMemo
	q := GapQuery{Municipality: "Solingen", Needs: []directory.NeedArea{directory.NeedWork, directory.NeedLanguage}, ChildcareRadiusKm: 1}
	same := GapQuery{Municipality: "Solingen", Needs: []directory.NeedArea{directory.NeedLanguage, directory.NeedWork}, ChildcareRadiusKm: 1}
	f := GapFacts{AlwaysFull: []directory.Offer{{ID: "off-1", Needs: []directory.NeedArea{directory.NeedWork}}}}
	at := DirectoryStamp{Epoch: "a", Version: 3}
	m.Put(q, at, f)
	f.AlwaysFull[0].Needs[0] = directory.NeedHealth // the caller's list is copied
	got, ok := m.Get(same, at)
	if !ok || len(got.AlwaysFull) != 1 || got.AlwaysFull[0].Needs[0] != directory.NeedWork {
		t.Fatalf("Get(same query, same stamp) = %+v, %v; want the facts put", got, ok)
	}
	for _, miss := range []struct {
		q  GapQuery
		at DirectoryStamp
	}{
		{GapQuery{Municipality: "Dortmund", Needs: q.Needs, ChildcareRadiusKm: 1}, at},
		{GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1}, at},
		{GapQuery{Municipality: "Solingen", Needs: q.Needs, ChildcareRadiusKm: 3}, at},
		{q, DirectoryStamp{Epoch: "a", Version: 4}},
		{q, DirectoryStamp{Epoch: "b", Version: 3}},
	} {
		if _, ok := m.Get(miss.q, miss.at); ok {
			t.Errorf("Get(%+v, %+v) found facts put for %+v, %+v", miss.q, miss.at, q, at)
		}
	}
	other := GapQuery{Municipality: "Wuppertal", ChildcareRadiusKm: 1}
	m.Put(other, DirectoryStamp{Epoch: "b", Version: 1}, GapFacts{})
	if _, ok := m.Get(q, at); ok {
		t.Error("facts of epoch a kept after a put of epoch b")
	}
}

// TestGapMemoBounds: at most gapMemoEntries municipalities and
// gapMemoOffers listed offers are kept, the least recently used dropped.
func TestGapMemoBounds(t *testing.T) {
	var m GapMemo
	at := DirectoryStamp{Version: 1}
	q := func(i int) GapQuery { return GapQuery{Municipality: string(rune('A' + i))} }
	for i := range gapMemoEntries + 1 {
		m.Put(q(i), at, GapFacts{})
		if i == 0 {
			continue
		}
		m.Get(q(0), at) // keeps A the most recently used
	}
	if _, ok := m.Get(q(0), at); !ok {
		t.Error("the most recently used facts were dropped")
	}
	if _, ok := m.Get(q(1), at); ok {
		t.Errorf("%d entries kept, want at most %d", gapMemoEntries+1, gapMemoEntries)
	}
	m.Put(q(20), at, GapFacts{Unfunded: make([]directory.Offer, gapMemoOffers+1)})
	if _, ok := m.Get(q(20), at); ok {
		t.Errorf("facts of %d offers kept, bound %d", gapMemoOffers+1, gapMemoOffers)
	}
}
