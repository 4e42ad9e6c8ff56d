package main

import (
	"context"

	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
)

func openNeo4j(ctx context.Context, f *storeFlags) (store.Store, error) {
	return neo4j.Open(ctx, neo4j.Config{
		URI: f.neo4jURI, Username: f.neo4jUser, Password: f.neo4jPassword, Database: f.neo4jDatabase,
		MaxPoolSize: f.neo4jPool, Timeout: f.neo4jTimeout,
	})
}
