package sqlite_test

import (
	"path/filepath"
	"testing"

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

// TestGapFactsSeeOtherWriters: the gap facts a store keeps must show a
// write by another process on the same file (storetest).
func TestGapFactsSeeOtherWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lotse.db")
	open := func() *sqlite.Store {
		s, err := sqlite.Open(t.Context(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	storetest.GapFactsSeeOtherWriters(t, open(), open())
}
