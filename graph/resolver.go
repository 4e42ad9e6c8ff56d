// Package graph is Lotse's hand-written GraphQL layer: thin resolvers that
// call internal/service, the conversions beside them, and the dataloaders
// that keep nested fields free of N+1 store calls. The executor gqlgen
// generates lives in graph/generated, the models in graph/model.
package graph

//go:generate go run ../tools/gqlgen

import "github.com/lotse-kim/lotse/internal/service"

// Resolver is the root resolver; it holds no state but the service.
type Resolver struct {
	Service *service.Service
}
