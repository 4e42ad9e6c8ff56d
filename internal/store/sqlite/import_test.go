package sqlite_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
	"github.com/lotse-kim/lotse/internal/store/storetest"
)

// The conformance tests that import, again with every import taking the
// bulk path (indexes, full-text and position indexes built after the rows):
// it must be indistinguishable from the row-by-row path. The others are
// skipped, to spare CI's race run a second pass of the whole suite.
func TestConformanceBulkImport(t *testing.T) {
	defer sqlite.SetBulkImportMin(1)()
	storetest.Run(t, func(t *testing.T) store.Store {
		if !importsInConformance(t.Name()[strings.LastIndex(t.Name(), "/")+1:]) {
			t.Skip("does not import")
		}
		return newStore(t)
	})
}

// importsInConformance names the conformance tests that call Store.Import.
func importsInConformance(name string) bool {
	for _, s := range []string{"Import", "Boundaries", "ChangeLogNumbers", "ProfessionalOrganisation", "RoundTrip"} {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// Import reports its progress while it writes, inside its transaction:
// readers still see the store as it was, the count only grows, and it
// ends at its total once the import is done.
func TestImportReportsProgressWhileWriting(t *testing.T) {
	for _, bulk := range []bool{false, true} {
		t.Run(map[bool]string{false: "rows", true: "bulk"}[bulk], func(t *testing.T) {
			if bulk {
				defer sqlite.SetBulkImportMin(1)()
			}
			s := newStore(t)
			snap := demo.Generate(demo.Options{Seed: 3, Scale: 2})
			type call struct{ done, total, storedOffers int }
			var calls []call
			ctx := store.WithImportProgress(t.Context(), func(done, total int) {
				c, err := s.Counts(t.Context())
				if err != nil {
					t.Fatal(err)
				}
				calls = append(calls, call{done, total, c.Offers})
			})
			if err := s.Import(ctx, snap); err != nil {
				t.Fatal(err)
			}
			records := store.SnapshotRecords(snap)
			if len(calls) < records/256 {
				t.Fatalf("%d progress calls for %d records, want one per 256 at least", len(calls), records)
			}
			last := calls[len(calls)-1]
			if last.done != last.total || last.total < records {
				t.Errorf("last call %d of %d, want done = total ≥ %d records", last.done, last.total, records)
			}
			between := 0
			for i, c := range calls {
				if i > 0 && c.done < calls[i-1].done {
					t.Errorf("progress went back: %d after %d", c.done, calls[i-1].done)
				}
				if c.total != last.total {
					t.Errorf("total changed: %d, then %d", c.total, last.total)
				}
				if c.storedOffers != 0 {
					t.Errorf("at %d of %d a reader saw %d offers: the import is not one transaction", c.done, c.total, c.storedOffers)
				}
				if c.done > 0 && c.done < c.total {
					between++
				}
			}
			if between < 3 {
				t.Errorf("only %d calls between start and end: the progress does not follow the writing", between)
			}
			if c, _ := s.Counts(t.Context()); c.Offers != len(snap.Offers) {
				t.Errorf("%d offers stored, want %d", c.Offers, len(snap.Offers))
			}
		})
	}
}

// A failed bulk import leaves nothing (rows, full-text index), and the
// writer connection checks foreign keys again afterwards.
func TestFailedBulkImportLeavesNothing(t *testing.T) {
	defer sqlite.SetBulkImportMin(1)()
	s, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snap := demo.Demo()
	if err := s.Import(t.Context(), snap); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Export(t.Context())
	bad := demo.Demo()
	bad.Offers[5].Title = "Geändert"
	bad.Offers[len(bad.Offers)-1].ProviderID = "org-nowhere"
	err = s.Import(t.Context(), bad)
	var nf *store.NotFound
	if !errors.As(err, &nf) || nf.Field != "providerId" || nf.ID != "org-nowhere" {
		t.Fatalf("import with a dangling provider: %v, want a NotFound on providerId org-nowhere", err)
	}
	after, _ := s.Export(t.Context())
	if !slices.EqualFunc(before.Offers, after.Offers, func(a, b directory.Offer) bool { return a.ID == b.ID && a.Title == b.Title }) {
		t.Error("the failed import changed the offers")
	}
	if hits, err := s.SearchOffers(t.Context(), store.OfferQuery{Filter: store.OfferFilter{Text: "geändert"}, Page: store.Page{First: 5}}); err != nil || len(hits.Hits) != 0 {
		t.Errorf("search finds the failed import's title: %d hits, %v", len(hits.Hits), err)
	}
	if got := sqlite.ForeignKeysOn(t, s); !got {
		t.Error("the writer's foreign keys are off after the failed import")
	}
}
