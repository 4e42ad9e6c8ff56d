package store

import (
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/lotse-kim/lotse/internal/directory"
)

// GapMemo keeps the directory's part of recent gap facts (all but the
// unmet needs), each with the directory stamp it was read at: a steering
// dashboard asks for the same municipality's report again and again while
// the directory rarely changes, and Köln's facts take about 40 ms to read
// on SQLite, Dortmund's about 90 ms on Neo4j. It holds a few
// municipalities (at most gapMemoOffers listed offers in all, about 12 MB).
// Both backends use it; the zero value is empty and ready.
type GapMemo struct {
	mu      sync.Mutex
	entries []gapMemoEntry // the most recently used last
}

// DirectoryStamp names one state of the directory: the number of its
// latest change (ChangeLog.DirectoryVersion) in the log named Epoch. A
// Neo4j database emptied under a running store starts its numbers again
// in a log of a new epoch; SQLite's epoch is "".
type DirectoryStamp struct {
	Epoch   string
	Version int64
}

type gapMemoEntry struct {
	key    string
	at     DirectoryStamp
	facts  GapFacts
	offers int
}

const (
	gapMemoEntries = 8
	gapMemoOffers  = 10_000
)

func gapMemoKey(q GapQuery) string {
	needs := make([]string, len(q.Needs))
	for i, n := range q.Needs {
		needs[i] = string(n)
	}
	slices.Sort(needs)
	return fmt.Sprintf("%q %q %v", q.Municipality, slices.Compact(needs), q.ChildcareRadiusKm)
}

// Get returns a copy of the facts kept for q at at, if any.
func (m *GapMemo) Get(q GapQuery, at DirectoryStamp) (GapFacts, bool) {
	key := gapMemoKey(q)
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, e := range m.entries {
		if e.key == key && e.at == at {
			m.entries = append(slices.Delete(m.entries, i, i+1), e)
			return copyGapFacts(e.facts), true
		}
	}
	return GapFacts{}, false
}

// Put keeps a copy of f for q at at, dropping facts of older stamps (of
// smaller versions or of another epoch) and the least recently used ones
// beyond the bounds.
func (m *GapMemo) Put(q GapQuery, at DirectoryStamp, f GapFacts) {
	e := gapMemoEntry{key: gapMemoKey(q), at: at,
		offers: len(f.CoursesWithoutChildcare) + len(f.AlwaysFull) + len(f.Unfunded)}
	if e.offers > gapMemoOffers {
		return
	}
	e.facts = copyGapFacts(f)
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entries = slices.DeleteFunc(m.entries, func(o gapMemoEntry) bool {
		return o.key == e.key || o.at.Epoch != at.Epoch || o.at.Version < at.Version
	})
	m.entries = append(m.entries, e)
	total := 0
	for _, o := range m.entries {
		total += o.offers
	}
	for len(m.entries) > gapMemoEntries || total > gapMemoOffers {
		total -= m.entries[0].offers
		m.entries = m.entries[1:]
	}
}

// copyGapFacts copies f deeply enough that neither the caller nor the memo
// sees the other's changes: lists and offers are copied.
func copyGapFacts(f GapFacts) GapFacts {
	offers := func(l []directory.Offer) []directory.Offer {
		out := make([]directory.Offer, len(l))
		for i := range l {
			out[i] = l[i].Clone()
		}
		return out
	}
	return GapFacts{
		Districts: slices.Clone(f.Districts), Supply: slices.Clone(f.Supply), Categories: slices.Clone(f.Categories),
		DistrictLanguages: slices.Clone(f.DistrictLanguages), UnmetNeeds: slices.Clone(f.UnmetNeeds),
		CoursesWithoutChildcare: offers(f.CoursesWithoutChildcare), AlwaysFull: offers(f.AlwaysFull), Unfunded: offers(f.Unfunded),
		NoCapacityDeclines: maps.Clone(f.NoCapacityDeclines),
	}
}
