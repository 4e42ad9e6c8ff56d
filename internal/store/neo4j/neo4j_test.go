package neo4j

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/storetest"
)

var _ store.Store = (*Store)(nil)

// testConfig reads the test server from the environment; ok is false when
// LOTSE_TEST_NEO4J_URI is unset.
func testConfig() (Config, bool) {
	uri := os.Getenv("LOTSE_TEST_NEO4J_URI")
	return Config{
		URI:      uri,
		Username: os.Getenv("LOTSE_TEST_NEO4J_USER"),
		Password: os.Getenv("LOTSE_TEST_NEO4J_PASSWORD"),
		Database: os.Getenv("LOTSE_TEST_NEO4J_DATABASE"),
	}, uri != ""
}

// wipe empties the database. CALL … IN TRANSACTIONS only runs in an
// implicit (auto-commit) transaction, hence session.Run and not ExecuteWrite.
func (s *Store) wipe(ctx context.Context) error {
	sess := s.driver.NewSession(ctx, neo4jSessionConfig(s))
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, stWipe.text, nil)
	if err != nil {
		return mapError(err)
	}
	_, err = res.Consume(ctx)
	return mapError(err)
}

// TestConformance runs the store conformance suite against a real Neo4j
// (LOTSE_TEST_NEO4J_URI, _USER, _PASSWORD, optional _DATABASE); the
// database is wiped before each test.
func TestConformance(t *testing.T) {
	cfg, ok := testConfig()
	if !ok {
		t.Skip("LOTSE_TEST_NEO4J_URI not set: Neo4j conformance suite skipped (set it to bolt://host:7687 to run)")
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
