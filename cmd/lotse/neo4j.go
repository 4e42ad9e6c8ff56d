package main

import (
	"context"
	"errors"

	"github.com/lotse-kim/lotse/internal/store"
)

// openNeo4j is filled in when the Neo4j store lands.
func openNeo4j(ctx context.Context, f *storeFlags) (store.Store, error) {
	return nil, errors.New("the Neo4j store is not built into this binary yet")
}
