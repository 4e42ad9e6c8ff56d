package readindex_test

import (
	"path/filepath"
	"testing"

	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
	"github.com/lotse-kim/lotse/internal/store/storetest"
)

var _ store.Store = (*readindex.Store)(nil)

func newSQLite(t *testing.T) *sqlite.Store {
	t.Helper()
	return openSQLite(t, filepath.Join(t.TempDir(), "lotse.db"))
}

func openSQLite(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newIndexed(t *testing.T, inner store.Store) *readindex.Store {
	t.Helper()
	s, err := readindex.New(t.Context(), inner)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The decorator passes the whole conformance suite over the embedded store:
// every rule a store applies (visibility, confidential places, orders,
// cursors, counts) holds for the answers from memory too.
func TestConformanceSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return newIndexed(t, newSQLite(t)) })
}
