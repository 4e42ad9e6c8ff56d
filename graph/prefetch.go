package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lotse-kim/lotse/internal/directory"
)

// selects reports whether the query selects the field path below the field
// being resolved (through fragments too), e.g. selects(ctx, "edges", "node", "provider").
func selects(ctx context.Context, path ...string) bool {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return false
	}
	op := graphql.GetOperationContext(ctx)
	sel := fc.Field.Selections
	for _, name := range path {
		var next ast.SelectionSet
		found := false
		for _, f := range graphql.CollectFields(op, sel, nil) {
			if f.Name == name {
				next = append(next, f.Selections...)
				found = true
			}
		}
		if !found {
			return false
		}
		sel = next
	}
	return true
}

// prefetchOffers primes the request's loaders with the providers and
// districts of a page of offers when the query asks for them, so that the
// page costs one batch of each whatever order the items resolve in (batching
// by a time window alone splits under load). Errors surface on the fields.
func prefetchOffers(ctx context.Context, offers []*directory.Offer, path ...string) {
	l := LoadersFor(ctx)
	if selects(ctx, append(path, "provider")...) {
		ids := make([]string, 0, len(offers))
		for _, o := range offers {
			ids = append(ids, o.ProviderID)
		}
		_, _ = l.Organisation.LoadAll(ctx, ids)
	}
	if selects(ctx, append(path, "district")...) {
		ids := make([]string, 0, len(offers))
		for _, o := range offers {
			if o.DistrictID != "" {
				ids = append(ids, o.DistrictID)
			}
		}
		_, _ = l.District.LoadAll(ctx, ids)
	}
}
