// Package graph is Lotse's GraphQL layer: gqlgen's generated executor, thin
// resolvers that call internal/service, and the dataloaders that keep nested
// fields free of N+1 store calls.
package graph

//go:generate go tool gqlgen generate

import "github.com/lotse-kim/lotse/internal/service"

// Resolver is the root resolver; it holds no state but the service.
type Resolver struct {
	Service *service.Service
}
