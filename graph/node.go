package graph

import (
	"context"
	"fmt"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/directory"
)

// MaxNodes bounds nodes(ids:).
const MaxNodes = 100

// rawArg is an argument of the current field as the client sent it. The ID
// scalar turns global ids into local ones; node(id:) needs the type too.
func rawArg(ctx context.Context, name string) any {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Field == nil {
		return nil
	}
	var vars map[string]any
	if oc := graphql.GetOperationContext(ctx); oc != nil {
		vars = oc.Variables
	}
	return fc.Field.ArgumentMap(vars)[name]
}

// node fetches the object of a global id through the service, so that each
// type keeps its own access rules. An object that does not exist is nil.
func (r *queryResolver) node(ctx context.Context, field, id string) (relay.Node, error) {
	typ, local, ok := relay.Parse(id)
	if !ok {
		p := directory.NewProblems()
		p.Add(field, "%q is not a global id; node(id:) takes the id field of an object (use organisation(id:), offer(id:) … for local ids)", id)
		return nil, p.Err()
	}
	var (
		n   relay.Node
		err error
	)
	switch typ {
	case relay.TypeOrganisation:
		o, e := r.Service.Organisation(ctx, local)
		n, err = nilOr(o, e)
	case relay.TypeOffer:
		o, e := r.Service.Offer(ctx, local)
		n, err = nilOr(o, e)
	case relay.TypeDistrict:
		d, e := r.Service.District(ctx, local)
		n, err = nilOr(d, e)
	case relay.TypeReferral:
		x, e := r.Service.Referral(ctx, local)
		n, err = nilOr(x, e)
	case relay.TypeAuditEntry:
		a, e := r.Service.AuditEntry(ctx, local)
		n, err = nilOr(a, e)
	default:
		return nil, nil
	}
	return n, err
}

// nilOr keeps a nil pointer from becoming a non-nil interface.
func nilOr[T any](p *T, err error) (relay.Node, error) {
	if err != nil || p == nil {
		return nil, err
	}
	return p, nil
}

func (r *queryResolver) nodes(ctx context.Context, ids []any) ([]relay.Node, error) {
	if len(ids) > MaxNodes {
		p := directory.NewProblems()
		p.Add("ids", "at most %d ids at once, got %d", MaxNodes, len(ids))
		return nil, p.Err()
	}
	out := make([]relay.Node, len(ids))
	for i, v := range ids {
		id, _ := v.(string)
		n, err := r.node(ctx, fmt.Sprintf("ids[%d]", i), id)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}
