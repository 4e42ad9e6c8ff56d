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
	if at := append(path[:len(path):len(path)], "provider"); selects(ctx, at...) {
		ids := make([]string, 0, len(offers))
		for _, o := range offers {
			ids = append(ids, o.ProviderID)
		}
		providers, _ := l.Organisation.LoadAll(ctx, ids)
		prefetchOrganisations(ctx, providers, at...)
	}
	if selects(ctx, append(path[:len(path):len(path)], "district")...) {
		ids := make([]string, 0, len(offers))
		for _, o := range offers {
			if o.DistrictID != "" {
				ids = append(ids, o.DistrictID)
			}
		}
		_, _ = l.District.LoadAll(ctx, ids)
	}
}

// prefetchOrganisations primes the loaders of the organisations' own nested
// fields when the query asks for them below path: a search page's providers
// are marshalled one after another (tools/gqlgen), so an unprimed loader
// would make each of them wait for its batch window alone.
func prefetchOrganisations(ctx context.Context, orgs []*directory.Organisation, path ...string) {
	l := LoadersFor(ctx)
	at := func(fields ...string) bool { return selects(ctx, append(path[:len(path):len(path)], fields...)...) }
	var ids, districts, parents, groups []string
	for _, o := range orgs {
		if o == nil {
			continue
		}
		ids = append(ids, o.ID)
		if o.DistrictID != "" {
			districts = append(districts, o.DistrictID)
		}
		if o.ParentID != "" {
			parents = append(parents, o.ParentID)
		}
		groups = append(groups, o.WorkingGroupIDs...)
	}
	if len(ids) == 0 {
		return
	}
	if at("district") {
		_, _ = l.District.LoadAll(ctx, districts)
	}
	if at("workingGroups") {
		_, _ = l.WorkingGroup.LoadAll(ctx, groups)
	}
	if at("offers") {
		_, _ = l.Offers.LoadAll(ctx, ids)
	}
	// Parents and partners are organisations too: one batch for both.
	var more []string
	if at("parent") {
		more = parents
	}
	if at("partners") {
		coops, _ := l.Partners.LoadAll(ctx, ids)
		if at("partners", "organisation") {
			for i, cs := range coops {
				for _, c := range cs {
					more = append(more, c.Other(ids[i]))
				}
			}
		}
	}
	if len(more) > 0 {
		_, _ = l.Organisation.LoadAll(ctx, more)
	}
}
