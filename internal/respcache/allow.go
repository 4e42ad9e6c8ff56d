package respcache

import (
	"strings"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// Cached are the fields whose answers are pure functions of the directory
// data the change log numbers (districts, organisations, offers: see
// store.ChangeLog) and of the caller, and of nothing else: no clock, no
// referrals, unmet needs, audit entries or tokens, no cooperations or
// working groups (their writes are not in the change log). A query is
// cached only when every field it selects, through fragments too, is
// listed here (or is __typename or introspection).
//
// No field listed reads the clock: Offer.updatedAt and
// Organisation.updatedAt are stored values.
var Cached = map[string][]string{
	"Query": {"organisation", "organisations", "offer", "offers", "districts", "municipalities", "languages"},
	"Offer": {"id", "title", "description", "category", "courseType", "needs", "targetGroups", "languages",
		"legalCircuits", "childcare", "cost", "capacity", "freePlaces", "schedule", "ageMin", "ageMax", "funding",
		"status", "digital", "address", "location", "district", "provider", "contact", "visibility",
		"confidentialAddress", "updatedAt", "localId", "languageDetails", "languageCodes"},
	"Organisation": {"id", "name", "kind", "description", "parent", "district", "municipality", "address",
		"location", "website", "email", "phone", "confidentialAddress", "visibility", "offers", "updatedAt", "localId"},
	"District":               {"id", "name", "municipality", "population", "centre", "radiusKm", "boundary", "localId"},
	"OfferConnection":        {"edges", "pageInfo", "totalCount"},
	"OfferEdge":              {"node", "cursor", "distanceKm"},
	"OrganisationConnection": {"edges", "pageInfo", "totalCount"},
	"OrganisationEdge":       {"node", "cursor"},
	"PageInfo":               {"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"},
	"GeoPoint":               {"lat", "lon"},
	"Language":               {"code", "name"},
}

// NotCached are the fields of the types in Cached that are left out on
// purpose, with the reason; a test holds every field of those types to be
// in one of the two lists, so that a new field is decided on.
var NotCached = map[string]map[string]string{
	"Query": {
		"me":              "names the token; cheap anyway",
		"auditLog":        "audit entries are not in the directory's change log",
		"networkGraph":    "cooperations are not in the change log",
		"matchOffers":     "not measured as worth it; ranking code may come to read the clock",
		"carePlan":        "may record unmet needs (a write)",
		"node":            "resolves referrals and audit entries too",
		"nodes":           "resolves referrals and audit entries too",
		"referral":        "referrals are not in the change log",
		"referrals":       "referrals are not in the change log",
		"referralStats":   "referrals are not in the change log",
		"gapReport":       "reads unmet needs, which are not in the change log",
		"networkReport":   "cooperations are not in the change log",
		"network":         "cooperations are not in the change log",
		"unmetNeedCounts": "unmet needs are not in the change log",
	},
	"Organisation": {
		"workingGroups": "working groups are not in the change log",
		"partners":      "cooperations are not in the change log",
	},
}

// allowList is Cached as sets.
type allowList map[string]map[string]bool

func newAllowList(fields map[string][]string) allowList {
	a := allowList{}
	for t, fs := range fields {
		a[t] = map[string]bool{}
		for _, f := range fs {
			a[t][f] = true
		}
	}
	return a
}

// cacheable reports whether the operation named operationName in query
// is a query whose every selected field is allowed. It runs after the
// server answered the request without errors, so the document is known
// to parse and validate.
func (a allowList) cacheable(schema *ast.Schema, query, operationName string) bool {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		return false
	}
	op := doc.Operations.ForName(operationName)
	if op == nil || op.Operation != ast.Query || len(op.Directives) > 0 || schema.Query == nil {
		return false
	}
	w := walker{allow: a, schema: schema, doc: doc, seen: map[string]bool{}}
	return w.selections(schema.Query, op.SelectionSet)
}

type walker struct {
	allow  allowList
	schema *ast.Schema
	doc    *ast.QueryDocument
	seen   map[string]bool // fragments walked already
}

func (w *walker) selections(on *ast.Definition, set ast.SelectionSet) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if !plainDirectives(s.Directives) || !w.field(on, s) {
				return false
			}
		case *ast.InlineFragment:
			t := on
			if s.TypeCondition != "" {
				t = w.schema.Types[s.TypeCondition]
			}
			if !plainDirectives(s.Directives) || t == nil || !w.selections(t, s.SelectionSet) {
				return false
			}
		case *ast.FragmentSpread:
			f := w.doc.Fragments.ForName(s.Name)
			if !plainDirectives(s.Directives) || f == nil || !plainDirectives(f.Directives) {
				return false
			}
			if w.seen[s.Name] {
				continue // walked already (a cycle would not have validated)
			}
			w.seen[s.Name] = true
			t := w.schema.Types[f.TypeCondition]
			if t == nil || !w.selections(t, f.SelectionSet) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func (w *walker) field(on *ast.Definition, f *ast.Field) bool {
	switch {
	case f.Name == "__typename":
		return true
	case strings.HasPrefix(f.Name, "__"):
		// __schema and __type: the schema's own description, the same
		// for everyone (when introspection is off, the answer is an error
		// and is not kept).
		return on == w.schema.Query && (f.Name == "__schema" || f.Name == "__type")
	case !w.allow[on.Name][f.Name]:
		return false
	}
	def := on.Fields.ForName(f.Name)
	if def == nil {
		return false
	}
	if len(f.SelectionSet) == 0 {
		return true
	}
	t := w.schema.Types[def.Type.Name()]
	return t != nil && w.allow[t.Name] != nil && w.selections(t, f.SelectionSet)
}

// plainDirectives: only @include and @skip, whose arguments are in the
// key; anything else (@defer, a directive of the future) is not cached.
func plainDirectives(ds ast.DirectiveList) bool {
	for _, d := range ds {
		if d.Name != "include" && d.Name != "skip" {
			return false
		}
	}
	return true
}
