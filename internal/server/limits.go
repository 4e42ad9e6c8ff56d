package server

import (
	"context"
	"reflect"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lotse-kim/lotse/graph/generated"
	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/internal/directory"
)

// Limits bound what one request may ask of the server, so that no single
// query can occupy it. A zero field takes its default; a negative one turns
// that limit off.
type Limits struct {
	// MaxDepth bounds the nesting of fields (fragments do not count).
	MaxDepth int
	// MaxComplexity bounds the cost of an operation: every field costs 1
	// plus its children, and a list field multiplies its children by its
	// size (first, or a fixed estimate for unpaged lists).
	MaxComplexity int
	// MaxAliases bounds the aliased fields of an operation, fragments expanded.
	MaxAliases int
	// MaxBodyBytes bounds a request body; larger ones get 413.
	MaxBodyBytes int64
	// MaxTokens bounds the lexical tokens of a document: the parser stops
	// there, so no document costs more than this to parse.
	MaxTokens int
	// MaxSelections bounds the fields, inline fragments and fragment
	// spreads written in a document (not expanded).
	MaxSelections int
	// MaxFieldRepeats bounds how often one response name (a field without
	// alias, or an alias) is written in one selection set: the validator
	// compares such fields pairwise, so repeats cost their square.
	MaxFieldRepeats int
	// MaxDirectives and MaxFragmentSpreads bound the directives and the
	// fragment spreads written in a document.
	MaxDirectives, MaxFragmentSpreads int
	// MaxVariableValues bounds the values in the variables of a request,
	// counting every list item and object field.
	MaxVariableValues int
	// MaxListItems bounds every list given as an argument or input field;
	// MaxStringChars and MaxIDChars bound every String and ID input, in
	// characters.
	MaxListItems, MaxStringChars, MaxIDChars int
}

// The defaults of Limits.
const (
	DefaultMaxDepth      = 12
	DefaultMaxComplexity = 20000
	DefaultMaxAliases    = 50
	DefaultMaxBodyBytes  = 1 << 20

	DefaultMaxTokens          = 10000
	DefaultMaxSelections      = 2000
	DefaultMaxFieldRepeats    = 10
	DefaultMaxDirectives      = 100
	DefaultMaxFragmentSpreads = 100
	DefaultMaxVariableValues  = 5000
	DefaultMaxListItems       = 500
	DefaultMaxStringChars     = directory.MaxTextLen
	DefaultMaxIDChars         = 200
)

// Error codes of refused requests, in extensions.code.
const (
	CodeDepthLimit      = "DEPTH_LIMIT_EXCEEDED"
	CodeComplexityLimit = "COMPLEXITY_LIMIT_EXCEEDED" // the code gqlgen's extension uses
	CodeAliasLimit      = "ALIAS_LIMIT_EXCEEDED"
	CodeRequestTooLarge = "REQUEST_TOO_LARGE"
	CodeBadRequest      = "BAD_REQUEST"
	CodeRateLimited     = "RATE_LIMITED"
	CodeNoIntrospection = "INTROSPECTION_DISABLED"

	CodeTokenLimit       = "TOKEN_LIMIT_EXCEEDED"
	CodeSelectionLimit   = "SELECTION_LIMIT_EXCEEDED"
	CodeFieldRepeatLimit = "FIELD_REPEAT_LIMIT_EXCEEDED"
	CodeDirectiveLimit   = "DIRECTIVE_LIMIT_EXCEEDED"
	CodeFragmentLimit    = "FRAGMENT_SPREAD_LIMIT_EXCEEDED"
	CodeVariablesLimit   = "VARIABLES_LIMIT_EXCEEDED"
)

func init() {
	// Refused operations are the client's protocol error: HTTP 422, like
	// gqlgen's parse and validation errors, not 200.
	for _, c := range []string{CodeDepthLimit, CodeComplexityLimit, CodeAliasLimit, CodeNoIntrospection,
		CodeTokenLimit, CodeSelectionLimit, CodeFieldRepeatLimit, CodeDirectiveLimit, CodeFragmentLimit, CodeVariablesLimit} {
		errcode.RegisterErrorType(c, errcode.KindProtocol)
	}
}

func (l Limits) withDefaults() Limits {
	def := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	l.MaxDepth = def(l.MaxDepth, DefaultMaxDepth)
	l.MaxComplexity = def(l.MaxComplexity, DefaultMaxComplexity)
	l.MaxAliases = def(l.MaxAliases, DefaultMaxAliases)
	l.MaxTokens = def(l.MaxTokens, DefaultMaxTokens)
	l.MaxSelections = def(l.MaxSelections, DefaultMaxSelections)
	l.MaxFieldRepeats = def(l.MaxFieldRepeats, DefaultMaxFieldRepeats)
	l.MaxDirectives = def(l.MaxDirectives, DefaultMaxDirectives)
	l.MaxFragmentSpreads = def(l.MaxFragmentSpreads, DefaultMaxFragmentSpreads)
	l.MaxVariableValues = def(l.MaxVariableValues, DefaultMaxVariableValues)
	l.MaxListItems = def(l.MaxListItems, DefaultMaxListItems)
	l.MaxStringChars = def(l.MaxStringChars, DefaultMaxStringChars)
	l.MaxIDChars = def(l.MaxIDChars, DefaultMaxIDChars)
	if l.MaxBodyBytes == 0 {
		l.MaxBodyBytes = DefaultMaxBodyBytes
	}
	return l
}

// shapeLimit is a gqlgen extension that measures the operation about to run
// (depth, aliases, fields with fragments expanded) and refuses it when it
// exceeds the limits. It runs after validation, which already refuses
// fragment cycles and deeply nested introspection, and before gqlgen's complexity walker, which expands
// fragments without memory and would take exponential time on a fragment
// that spreads another twice, and so on.
type shapeLimit struct{ limits Limits }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = shapeLimit{}

func (shapeLimit) ExtensionName() string                          { return "ShapeLimit" }
func (shapeLimit) Validate(schema graphql.ExecutableSchema) error { return nil }

func (s shapeLimit) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	if op.Operation == nil {
		return nil
	}
	w := shapeWalker{memo: map[string]*shape{}}
	sh := w.selections(op.Operation.SelectionSet)
	l := s.limits
	switch {
	case l.MaxDepth > 0 && sh.depth > l.MaxDepth:
		return refused(CodeDepthLimit, "operation has depth %d, which exceeds the limit of %d", sh.depth, l.MaxDepth)
	case sh.introspects && op.DisableIntrospection:
		// gqlgen would answer null with an opaque error; say why.
		return refused(CodeNoIntrospection, "introspection is disabled on this server")
	case l.MaxAliases > 0 && sh.aliases > l.MaxAliases:
		return refused(CodeAliasLimit, "operation has %d aliased fields, which exceeds the limit of %d", sh.aliases, l.MaxAliases)
	case l.MaxComplexity > 0 && sh.fields > l.MaxComplexity:
		// Every field costs at least 1: this many fields exceed the
		// complexity limit whatever their cost.
		return refused(CodeComplexityLimit, "operation selects %d fields (fragments expanded), which exceeds the complexity limit of %d", sh.fields, l.MaxComplexity)
	}
	return nil
}

func refused(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, code)
	return err
}

// shape is what the walker measures of a selection set; counts saturate.
type shape struct {
	depth       int  // deepest nesting of fields
	aliases     int  // fields whose alias differs from their name
	fields      int  // fields, fragments expanded
	introspects bool // selects __schema or __type
}

const saturated = 1 << 30

func sat(a, b int) int { return min(a+b, saturated) }

type shapeWalker struct {
	memo map[string]*shape // per fragment; nil value: being walked (a cycle)
}

func (w *shapeWalker) selections(set ast.SelectionSet) shape {
	var out shape
	merge := func(s shape) {
		out.depth = max(out.depth, s.depth)
		out.introspects = out.introspects || s.introspects
		out.aliases = sat(out.aliases, s.aliases)
		out.fields = sat(out.fields, s.fields)
	}
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			merge(w.field(s))
		case *ast.InlineFragment:
			merge(w.selections(s.SelectionSet))
		case *ast.FragmentSpread:
			merge(w.fragment(s))
		}
	}
	return out
}

func (w *shapeWalker) fragment(s *ast.FragmentSpread) shape {
	if m, ok := w.memo[s.Name]; ok {
		if m == nil {
			return shape{} // a cycle; the validator refuses these anyway
		}
		return *m
	}
	if s.Definition == nil {
		return shape{}
	}
	w.memo[s.Name] = nil
	sh := w.selections(s.Definition.SelectionSet)
	w.memo[s.Name] = &sh
	return sh
}

func (w *shapeWalker) field(f *ast.Field) shape {
	sh := w.selections(f.SelectionSet)
	intro := f.ObjectDefinition != nil && strings.HasPrefix(f.ObjectDefinition.Name, "__")
	// The ofType chain of a type reference is a wrapper, not a level a
	// client could fan out over; it does not count toward depth.
	if !(intro && f.Name == "ofType") {
		sh.depth++
	}
	if f.Name == "__schema" || f.Name == "__type" {
		sh.introspects = true
	}
	if f.Alias != "" && f.Alias != f.Name {
		sh.aliases = sat(sh.aliases, 1)
	}
	sh.fields = sat(sh.fields, 1)
	return sh
}

// Sizes assumed for lists without paging arguments, in the complexity of
// an operation: their realistic upper ends in a municipality's network.
const (
	costOffersOfOrganisation = 20 // Organisation.offers
	costPartners             = 20 // Organisation.partners
	costWorkingGroups        = 5  // Organisation.workingGroups
	costDistricts            = 20 // districts (Wuppertal has 10)
	costGapCells             = 150
	costNetworkNodes         = 100
	costDefaultList          = 20 // any other list field
)

// mul multiplies a cost by a list size, saturating instead of overflowing.
func mul(child, n int) int {
	if n < 1 {
		n = 1
	}
	child = max(child, 1)
	if child > saturated/n {
		return saturated
	}
	return child * n
}

func firstOr(first *int, def int) int {
	if first == nil {
		return def
	}
	return *first
}

// setCosts gives every list field of the schema a cost proportional to its
// size: paged fields multiply their children by first, unpaged lists by a
// fixed estimate. List fields added to the schema later get costDefaultList
// without code here (setDefaultListCosts), so none is ever free.
func setCosts(c *generated.ComplexityRoot, schema *ast.Schema) {
	// A page of last items costs like one of first items (the larger counts).
	c.Query.Offers = func(child int, _ *model.OfferFilter, first *int, _ *string, last *int, _ *string, _ *model.OfferOrder) int {
		return mul(child, max(firstOr(first, 20), firstOr(last, 0)))
	}
	c.Query.Organisations = func(child int, _ *model.OrganisationFilter, first *int, _ *string, last *int, _ *string) int {
		return mul(child, max(firstOr(first, 20), firstOr(last, 0)))
	}
	c.Query.AuditLog = func(child int, _ *model.AuditFilter, first *int, _ *string, last *int, _ *string) int {
		return mul(child, max(firstOr(first, 50), firstOr(last, 0)))
	}
	c.Query.MatchOffers = func(child int, _ model.ClientProfile, first *int) int {
		return mul(child, firstOr(first, 10))
	}
	c.Query.Districts = func(child int, _ *string) int { return mul(child, costDistricts) }
	c.Query.UnmetNeedCounts = func(child int, _ *model.UnmetNeedFilter) int { return mul(child, costGapCells) }
	c.Organisation.Offers = func(child int) int { return mul(child, costOffersOfOrganisation) }
	c.Organisation.Partners = func(child int) int { return mul(child, costPartners) }
	c.Organisation.WorkingGroups = func(child int) int { return mul(child, costWorkingGroups) }
	c.GapReport.Cells = func(child int) int { return mul(child, costGapCells) }
	c.Network.Nodes = func(child int) int { return mul(child, costNetworkNodes) }
	c.Network.Edges = func(child int) int { return mul(child, costNetworkNodes) }
	c.NetworkReport.Isolated = func(child int) int { return mul(child, costNetworkNodes) }
	c.NetworkReport.NoPathToJobcenter = func(child int) int { return mul(child, costNetworkNodes) }
	c.NetworkReport.NoPathToImmigrationOffice = func(child int) int { return mul(child, costNetworkNodes) }
	setDefaultListCosts(c, schema)
}

// setDefaultListCosts sets costDefaultList on every list field of schema
// of objects whose cost func in c is still nil, and returns their names
// (Type.field). Lists of scalars and connection edges stay unweighted. gqlgen names the structs of c after
// the schema's types and fields (Go-cased), so they match case-insensitively.
func setDefaultListCosts(c *generated.ComplexityRoot, schema *ast.Schema) []string {
	var set []string
	root := reflect.ValueOf(c).Elem()
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		typ := fieldFold(root, def.Name)
		if !typ.IsValid() || typ.Kind() != reflect.Struct {
			continue
		}
		for _, fd := range def.Fields {
			if fd.Type.Elem == nil {
				continue // not a list
			}
			if el := schema.Types[fd.Type.Name()]; el == nil || (el.Kind != ast.Object && el.Kind != ast.Interface && el.Kind != ast.Union) {
				continue // scalars and enums cost nothing to list
			}
			if fd.Name == "edges" && strings.HasSuffix(def.Name, "Connection") {
				continue // paged: the connection's field multiplies by first
			}
			fn := fieldFold(typ, fd.Name)
			if !fn.IsValid() || fn.Kind() != reflect.Func || !fn.IsNil() {
				continue
			}
			fn.Set(reflect.MakeFunc(fn.Type(), func(args []reflect.Value) []reflect.Value {
				return []reflect.Value{reflect.ValueOf(mul(int(args[0].Int()), costDefaultList))}
			}))
			set = append(set, def.Name+"."+fd.Name)
		}
	}
	return set
}

func fieldFold(v reflect.Value, name string) reflect.Value {
	want := strings.ReplaceAll(name, "_", "")
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		if strings.EqualFold(t.Field(i).Name, want) {
			return v.Field(i)
		}
	}
	return reflect.Value{}
}
