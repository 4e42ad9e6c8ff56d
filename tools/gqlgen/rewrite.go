package main

import (
	"fmt"
	"go/format"
	"os"
	"regexp"
	"slices"
	"strings"
)

// inOrderLists are the GraphQL object types whose lists are marshalled in
// order on the calling goroutine instead of one goroutine per element. Only
// lists whose elements' loader-backed fields the resolvers prime
// (graph/prefetch.go) may be listed: in order, an element that had to wait
// for a loader's batch window would wait alone. Organisation.offers (Q2, one
// organisation's hundreds of offers) and a search page's edges (Q1).
var inOrderLists = []string{"Offer", "OfferEdge"}

// rewriteFile applies Lotse's rewrites to gqlgen's executor. Each must find
// what it rewrites, so that a gqlgen whose output changed fails here instead
// of silently losing them:
//
//   - An object's deferred group (@defer) is processed only when the object
//     has deferred fields: gqlgen builds the object's whole path for it
//     either way (an allocation per object of every list).
//   - A scalar field's "has no child fields" error is made once, not each
//     time the field's context is, and its context needs no closure around
//     it (two allocations per field).
//   - The lists of inOrderLists are marshalled in order (marshalInOrder).
func rewriteFile(path string, inOrder []string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	src, err := rewrite(string(b), inOrder)
	if err != nil {
		return err
	}
	out, err := format.Source([]byte(src))
	if err != nil {
		return fmt.Errorf("formatting: %w", err)
	}
	return os.WriteFile(path, out, 0o644)
}

const deferredGroup = `	ec.ProcessDeferredGroup(graphql.DeferredGroup{
		Defers:   deferLabelToView,
		Path:     graphql.GetPath(ctx),
		FieldSet: deferredFieldSet,
		Context:  ctx,
	})
`

var scalarContext = regexp.MustCompile(`graphql\.NewScalarFieldContext\(("[A-Za-z0-9_]+"), field, (true|false), (true|false), errNoChildFields([A-Za-z0-9_]+)\)`)

var childErr = regexp.MustCompile(`errors\.New\("field of type ([A-Za-z0-9_]+) does not have child fields"\)`)

func rewrite(src string, inOrder []string) (string, error) {
	if !strings.Contains(src, deferredGroup) {
		return "", fmt.Errorf("no deferred group call of the expected form")
	}
	src = strings.ReplaceAll(src, deferredGroup, "\tif len(deferLabelToView) > 0 {\n"+deferredGroup+"\t}\n")

	types := map[string]bool{}
	src = childErr.ReplaceAllStringFunc(src, func(m string) string {
		t := childErr.FindStringSubmatch(m)[1]
		types[t] = true
		return "errNoChildFields" + t
	})
	if len(types) == 0 {
		return "", fmt.Errorf("no scalar field context of the expected form")
	}
	// graphql.NewScalarFieldContext would also make a closure per field
	// around the error: the field context is built here with a function of
	// the type's own instead.
	src = scalarContext.ReplaceAllString(src,
		"&graphql.FieldContext{Object: $1, Field: field, IsMethod: $2, IsResolver: $3, Child: childOf$4}, nil")
	if strings.Contains(src, "graphql.NewScalarFieldContext(") {
		return "", fmt.Errorf("a scalar field context not of the expected form")
	}
	var vars strings.Builder
	vars.WriteString("\n// The errors of scalar fields asked for child fields (tools/gqlgen).\nvar (\n")
	for _, t := range sortedKeys(types) {
		fmt.Fprintf(&vars, "\terrNoChildFields%s = errors.New(%q)\n", t, "field of type "+t+" does not have child fields")
	}
	vars.WriteString(")\n")
	for _, t := range sortedKeys(types) {
		fmt.Fprintf(&vars, "\nfunc childOf%s(context.Context, graphql.CollectedField) (*graphql.FieldContext, error) {\n\treturn nil, errNoChildFields%s\n}\n", t, t)
	}
	src += vars.String()

	for _, t := range inOrder {
		// The marshallers of non-null and nullable lists of t, by value or pointer.
		fn := regexp.MustCompile(`(?m)^func \(ec \*executionContext\) marshal[NO]` + t + `2ᚕ[^(]*\(ctx context\.Context, sel ast\.SelectionSet, v \[\][^)]*\) graphql\.Marshaler \{\n(?s:.*?)\n}\n`)
		found := 0
		src = fn.ReplaceAllStringFunc(src, func(body string) string {
			if strings.Contains(body, "graphql.MarshalSliceConcurrently(") {
				found++
			}
			return strings.Replace(body, "graphql.MarshalSliceConcurrently(", "marshalInOrder(", 1)
		})
		if found == 0 {
			return "", fmt.Errorf("no list marshaller of %s of the expected form", t)
		}
	}
	return src + marshalInOrder, nil
}

// marshalInOrder is graphql.MarshalSliceConcurrently without the goroutines,
// as gqlgen itself marshals a list of one: each element gets its index in its
// field context, and a panic makes the list null with the error recorded.
const marshalInOrder = `
// marshalInOrder marshals the elements of a list one after another on the
// calling goroutine (tools/gqlgen: the lists whose elements' loaders the
// resolvers prime).
func marshalInOrder(ctx context.Context, length int, _ int64, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler) (ret graphql.Array) {
	ret = make(graphql.Array, length)
	childCtx := ctx
	if !omitPanicHandler {
		defer func() {
			if r := recover(); r != nil {
				graphql.AddError(childCtx, graphql.Recover(childCtx, r))
				ret = nil
			}
		}()
	}
	for i := range length {
		childCtx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Index: &i})
		ret[i] = marshalElement(childCtx, i)
	}
	return ret
}
`

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
