package server

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// preflight is a gqlgen extension that bounds the work of a request before
// gqlgen parses and validates it: gqlparser's validator compares fields of
// one name pairwise, so `{ me { role } me { role } … }` costs the square of
// its length, and within the body limit that was seconds of CPU. preflight
// parses the document itself under a token limit, counts what the
// validator's cost grows with, and then checks every input value against
// the schema (inputs.go) — also before validation, so that a wrong enum
// value or an overlong string is refused naming its field.
type preflight struct {
	limits Limits
	schema *ast.Schema
	// docs caches documents that passed the shape limits, by query text.
	docs *lru.LRU[*ast.QueryDocument]
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = (*preflight)(nil)

func newPreflight(limits Limits, schema *ast.Schema) *preflight {
	return &preflight{limits: limits, schema: schema, docs: lru.New[*ast.QueryDocument](1000)}
}

func (*preflight) ExtensionName() string                          { return "Preflight" }
func (*preflight) Validate(schema graphql.ExecutableSchema) error { return nil }

func (p *preflight) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	l := p.limits
	if n := countValues(params.Variables, l.MaxVariableValues); l.MaxVariableValues > 0 && n > l.MaxVariableValues {
		return refused(CodeVariablesLimit, "the variables hold more than %d values, the limit", l.MaxVariableValues)
	}
	doc, err := p.document(ctx, params.Query)
	if err != nil || doc == nil {
		return err
	}
	op := doc.Operations.ForName(params.OperationName)
	if op == nil && params.OperationName == "" && len(doc.Operations) > 1 {
		// gqlgen would say "operation  not found", naming nothing.
		return refused(errcode.ValidationFailed, "the document has %d operations; name the one to run in operationName", len(doc.Operations))
	}
	if op == nil {
		return nil // gqlgen says which operation is missing
	}
	w := inputWalker{schema: p.schema, doc: doc, op: op, vars: params.Variables, limits: l, fragments: map[string]bool{}}
	return w.operation()
}

// document parses query under the token limit and checks its shape. A
// document gqlparser cannot parse comes back nil without error: gqlgen's
// own parse reports it as usual.
func (p *preflight) document(ctx context.Context, query string) (*ast.QueryDocument, *gqlerror.Error) {
	if doc, ok := p.docs.Get(ctx, query); ok {
		return doc, nil
	}
	limit := p.limits.MaxTokens
	if limit < 0 {
		limit = 0 // the parser's "no limit"
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, limit)
	if err != nil {
		if limit > 0 && strings.Contains(err.Error(), "exceeded token limit") {
			return nil, refused(CodeTokenLimit, "the document has more than %d tokens, the limit", limit)
		}
		return nil, nil
	}
	if e := p.limits.checkShape(countShape(doc)); e != nil {
		return nil, e
	}
	if e := p.limits.checkPaths(doc); e != nil {
		return nil, e
	}
	p.docs.Add(ctx, query, doc)
	return doc, nil
}

// docShape is what a document writes out, fragments not expanded.
type docShape struct {
	selections, directives, spreads int
}

func (l Limits) checkShape(s docShape) *gqlerror.Error {
	switch {
	case l.MaxSelections > 0 && s.selections > l.MaxSelections:
		return refused(CodeSelectionLimit, "the document has %d selections, which exceeds the limit of %d", s.selections, l.MaxSelections)
	case l.MaxDirectives > 0 && s.directives > l.MaxDirectives:
		return refused(CodeDirectiveLimit, "the document has %d directives, which exceeds the limit of %d", s.directives, l.MaxDirectives)
	case l.MaxFragmentSpreads > 0 && s.spreads > l.MaxFragmentSpreads:
		return refused(CodeFragmentLimit, "the document has %d fragment spreads, which exceeds the limit of %d", s.spreads, l.MaxFragmentSpreads)
	}
	return nil
}

func countShape(doc *ast.QueryDocument) docShape {
	var s docShape
	for _, op := range doc.Operations {
		s.directives += len(op.Directives)
		for _, v := range op.VariableDefinitions {
			s.directives += len(v.Directives)
		}
		s.selectionSet(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		s.directives += len(f.Directives)
		s.selectionSet(f.SelectionSet)
	}
	return s
}

func (s *docShape) selectionSet(set ast.SelectionSet) {
	for _, sel := range set {
		s.selections++
		switch x := sel.(type) {
		case *ast.Field:
			s.directives += len(x.Directives)
			s.selectionSet(x.SelectionSet)
		case *ast.InlineFragment:
			s.directives += len(x.Directives)
			s.selectionSet(x.SelectionSet)
		case *ast.FragmentSpread:
			s.directives += len(x.Directives)
			s.spreads++
		}
	}
}

// countValues counts the values in v (every list item and object field),
// stopping soon after limit.
func countValues(vars map[string]any, limit int) int {
	n := 0
	var walk func(any)
	walk = func(v any) {
		if limit > 0 && n > limit {
			return
		}
		n++
		switch x := v.(type) {
		case map[string]any:
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	for _, c := range vars {
		walk(c)
	}
	return n
}
