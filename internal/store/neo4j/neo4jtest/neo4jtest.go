// Package neo4jtest finds the Neo4j that tests run against and empties it.
// It speaks to Neo4j with the driver only, so that the store's own tests
// and the end-to-end tests of other packages can both use it.
package neo4jtest

import (
	"context"
	_ "embed"
	"fmt"
	"os"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Server is the Neo4j named by LOTSE_TEST_NEO4J_URI, _USER, _PASSWORD and
// _DATABASE (default "neo4j").
type Server struct {
	URI, Username, Password, Database string
}

// SkipReason is printed by tests that skip without a server.
const SkipReason = "LOTSE_TEST_NEO4J_URI not set: Neo4j tests skipped (tools/neo4j/with-neo4j.sh starts a Neo4j and sets it)"

// CallTimeout bounds each store call in tests that do not test timeouts:
// the store's 10 s default was exceeded by gap statements on a machine at
// load average 20, which says nothing about the code.
const CallTimeout = time.Minute

// FromEnv returns the test server; ok is false when LOTSE_TEST_NEO4J_URI is unset.
func FromEnv() (Server, bool) {
	s := Server{
		URI:      os.Getenv("LOTSE_TEST_NEO4J_URI"),
		Username: os.Getenv("LOTSE_TEST_NEO4J_USER"),
		Password: os.Getenv("LOTSE_TEST_NEO4J_PASSWORD"),
		Database: os.Getenv("LOTSE_TEST_NEO4J_DATABASE"),
	}
	if s.Database == "" {
		s.Database = "neo4j"
	}
	return s, s.URI != ""
}

//go:embed wipe.cypher
var wipe string

// Wipe deletes every node and relationship of the database (constraints and
// indexes stay). Only for a throwaway test database.
func (s Server) Wipe(ctx context.Context) error {
	auth := neo4j.NoAuth()
	if s.Username != "" || s.Password != "" {
		auth = neo4j.BasicAuth(s.Username, s.Password, "")
	}
	d, err := neo4j.NewDriverWithContext(s.URI, auth)
	if err != nil {
		return fmt.Errorf("neo4jtest: %w", err)
	}
	defer d.Close(ctx)
	// CALL … IN TRANSACTIONS only runs in an implicit (auto-commit)
	// transaction, hence session.Run and not ExecuteWrite.
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.Database})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, wipe, nil)
	if err != nil {
		return fmt.Errorf("neo4jtest: wipe: %w", err)
	}
	if _, err := res.Consume(ctx); err != nil {
		return fmt.Errorf("neo4jtest: wipe: %w", err)
	}
	return nil
}
