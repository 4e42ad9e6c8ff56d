package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
)

func openNeo4j(ctx context.Context, f *storeFlags) (store.Store, error) {
	s, err := neo4j.Open(ctx, neo4j.Config{
		URI: f.neo4jURI, Username: f.neo4jUser, Password: f.neo4jPassword, Database: f.neo4jDatabase,
		MaxPoolSize: f.neo4jPool, Timeout: f.neo4jTimeout,
	})
	if err != nil {
		return nil, explainNeo4j(err)
	}
	return s, nil
}

// explainNeo4j names the flag (and its environment variable) to look at
// when Neo4j could not be opened, keeping err's kind (an unavailable store
// is still waited for by serve).
func explainNeo4j(err error) error {
	var ae *neo4j.AuthError
	hint := ""
	switch {
	case errors.As(err, &ae):
		hint = "check --neo4j-username (NEO4J_USERNAME) and --neo4j-password (NEO4J_PASSWORD)"
	case neo4j.IsDatabaseNotFound(err):
		hint = "--neo4j-database (NEO4J_DATABASE) names no database on this server"
	case errors.Is(err, neo4j.ErrURI):
		hint = "check --neo4j-uri (NEO4J_URI)"
	case errors.Is(err, store.ErrUnavailable):
		hint = "is Neo4j running and reachable at --neo4j-uri (NEO4J_URI)?"
	default:
		return err
	}
	return fmt.Errorf("%w; %s", err, hint)
}
