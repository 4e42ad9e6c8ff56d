package main

import (
	"strings"
	"testing"
)

// A fragment of gqlgen's executor with one of each thing rewrite rewrites.
const fixture = `package generated

func (ec *executionContext) _Offer(ctx context.Context, sel ast.SelectionSet, obj *directory.Offer) graphql.Marshaler {
	out.Dispatch(ctx)
` + deferredGroup + `	return out
}

func (ec *executionContext) fieldContext_Offer_title(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	return graphql.NewScalarFieldContext("Offer", field, false, false, errors.New("field of type String does not have child fields"))
}

func (ec *executionContext) marshalNOffer2ᚕgithubᚗcomᚋxᚐOfferᚄ(ctx context.Context, sel ast.SelectionSet, v []directory.Offer) graphql.Marshaler {
	ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		return ec.marshalNOffer2githubᚗcomᚋxᚐOffer(ctx, sel, v[i])
	})
	return ret
}

func (ec *executionContext) marshalNDistrict2ᚕgithubᚗcomᚋxᚐDistrictᚄ(ctx context.Context, sel ast.SelectionSet, v []directory.District) graphql.Marshaler {
	ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {
		return ec.marshalNDistrict2githubᚗcomᚋxᚐDistrict(ctx, sel, v[i])
	})
	return ret
}
`

func TestRewrite(t *testing.T) {
	out, err := rewrite(fixture, []string{"Offer"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\tif len(deferLabelToView) > 0 {\n\tec.ProcessDeferredGroup(",
		`return &graphql.FieldContext{Object: "Offer", Field: field, IsMethod: false, IsResolver: false, Child: childOfString}, nil`,
		"func childOfString(context.Context, graphql.CollectedField) (*graphql.FieldContext, error) {\n\treturn nil, errNoChildFieldsString\n}",
		`errNoChildFieldsString = errors.New("field of type String does not have child fields")`,
		"ret := marshalInOrder(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {\n\t\treturn ec.marshalNOffer2",
		// Lists not named stay concurrent.
		"ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, func(ctx context.Context, i int) graphql.Marshaler {\n\t\treturn ec.marshalNDistrict2",
		"func marshalInOrder(",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("rewritten executor lacks %q", want)
		}
	}
}

// A gqlgen whose output no longer has what a rewrite expects fails the
// generation instead of losing the rewrite silently.
func TestRewriteFailsWhenGqlgenChanged(t *testing.T) {
	for name, src := range map[string]string{
		"no deferred group": strings.Replace(fixture, "Path:     graphql.GetPath(ctx),", "Path: p,", 1),
		"no child error":    strings.Replace(fixture, "does not have child fields", "has no children", 1),
		"no list":           strings.ReplaceAll(fixture, "graphql.MarshalSliceConcurrently(", "graphql.MarshalSlice("),
	} {
		if _, err := rewrite(src, []string{"Offer"}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
