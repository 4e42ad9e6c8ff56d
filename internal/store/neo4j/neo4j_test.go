package neo4j

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
	"github.com/lotse-kim/lotse/internal/store/storetest"
)

var _ store.Store = (*Store)(nil)

// testConfig reads the test server from the environment; ok is false when
// LOTSE_TEST_NEO4J_URI is unset.
func testConfig() (Config, bool) {
	srv, ok := neo4jtest.FromEnv()
	return Config{URI: srv.URI, Username: srv.Username, Password: srv.Password, Database: srv.Database, Timeout: neo4jtest.CallTimeout}, ok
}

// wipe empties the test database.
func (s *Store) wipe(ctx context.Context) error {
	srv, _ := neo4jtest.FromEnv()
	return srv.Wipe(ctx)
}

// TestConformance runs the store conformance suite against a real Neo4j
// (LOTSE_TEST_NEO4J_URI, _USER, _PASSWORD, optional _DATABASE); the
// database is wiped before each test.
func TestConformance(t *testing.T) {
	cfg, ok := testConfig()
	if !ok {
		t.Skip(neo4jtest.SkipReason)
	}
	ctx := context.Background()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open(%s): %v", cfg.URI, err)
	}
	t.Cleanup(func() { s.Close() })
	storetest.Run(t, func(t *testing.T) store.Store {
		t.Helper()
		if err := s.wipe(ctx); err != nil {
			t.Fatalf("wipe: %v", err)
		}
		return s
	})
}

// TestOpenUnreachable needs no server: nothing listens on port 1, so Open
// must fail fast with store.ErrUnavailable.
func TestOpenUnreachable(t *testing.T) {
	start := time.Now()
	_, err := Open(context.Background(), Config{URI: "bolt://127.0.0.1:1", Username: "neo4j", Password: "x"})
	if !errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("Open(unreachable) = %v, want ErrUnavailable", err)
	}
	if d := time.Since(start); d > 2*pingTimeout {
		t.Errorf("Open(unreachable) took %v", d)
	}
}
