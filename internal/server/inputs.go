package server

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/internal/directory"
)

// CodeBadUserInput is the code of an input value the schema refuses
// (graph.CodeBadUserInput; the server package does not import graph's
// error codes for one constant).
const CodeBadUserInput = "BAD_USER_INPUT"

// inputWalker checks every input value of one operation, written in the
// document or passed as a variable, against the schema: enum values
// exactly, list sizes, String and ID lengths in characters and control
// characters.
//
// Why enums need this: gqlparser's variable coercion compares enum names
// case-insensitively (strings.EqualFold), and gqlgen binds Lotse's enums
// to plain Go string types, which it unmarshals without a check. So
// `needs: ["language"]` reached the store as an unknown need and matched
// nothing or everything, and generated enums (OfferOrder) refused it only
// at execution, as an untyped error (INTERNAL). Checking here covers every
// enum of the schema, present and future, in every position.
type inputWalker struct {
	schema    *ast.Schema
	doc       *ast.QueryDocument
	op        *ast.OperationDefinition
	vars      map[string]any
	limits    Limits
	fragments map[string]bool // walked already
}

func (w *inputWalker) operation() *gqlerror.Error {
	var root *ast.Definition
	switch w.op.Operation {
	case ast.Query:
		root = w.schema.Query
	case ast.Mutation:
		root = w.schema.Mutation
	case ast.Subscription:
		root = w.schema.Subscription
	}
	return w.selections(root, w.op.SelectionSet)
}

func (w *inputWalker) selections(parent *ast.Definition, set ast.SelectionSet) *gqlerror.Error {
	for _, sel := range set {
		var err *gqlerror.Error
		switch s := sel.(type) {
		case *ast.Field:
			err = w.field(parent, s)
		case *ast.InlineFragment:
			def := parent
			if s.TypeCondition != "" {
				def = w.schema.Types[s.TypeCondition]
			}
			err = w.selections(def, s.SelectionSet)
		case *ast.FragmentSpread:
			f := w.doc.Fragments.ForName(s.Name)
			if f == nil || w.fragments[s.Name] {
				continue
			}
			w.fragments[s.Name] = true
			err = w.selections(w.schema.Types[f.TypeCondition], f.SelectionSet)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *inputWalker) field(parent *ast.Definition, f *ast.Field) *gqlerror.Error {
	if parent == nil {
		return nil // unknown type: the validator says so
	}
	def := parent.Fields.ForName(f.Name)
	if def == nil {
		return nil
	}
	for _, a := range f.Arguments {
		ad := def.Arguments.ForName(a.Name)
		if ad == nil {
			continue
		}
		if err := w.literal(argumentPath(a.Name), a.Value, ad.Type); err != nil {
			return err
		}
	}
	return w.selections(w.schema.Types[def.Type.Name()], f.SelectionSet)
}

// argumentPath is the field name of an argument in errors. The fields of
// a mutation's `input` and of a `client` profile are named without it, as
// the domain's validation names them ("kind", "needs[0]").
func argumentPath(name string) string {
	if name == "input" || name == "client" {
		return ""
	}
	return name
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func index(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i) }

// literal checks a value written in the document, following variables.
func (w *inputWalker) literal(path string, v *ast.Value, typ *ast.Type) *gqlerror.Error {
	if v == nil || typ == nil {
		return nil
	}
	switch v.Kind {
	case ast.Variable:
		if raw, ok := w.vars[v.Raw]; ok {
			return w.runtime(path, raw, typ)
		}
		if d := w.op.VariableDefinitions.ForName(v.Raw); d != nil && d.DefaultValue != nil {
			return w.literal(path, d.DefaultValue, typ)
		}
		return nil
	case ast.NullValue:
		return nil
	case ast.ListValue:
		if typ.Elem == nil {
			return nil // the validator refuses a list here
		}
		if err := w.listSize(path, len(v.Children)); err != nil {
			return err
		}
		for i, c := range v.Children {
			if err := w.literal(index(path, i), c.Value, typ.Elem); err != nil {
				return err
			}
		}
		return nil
	}
	if typ.Elem != nil { // one value where a list is expected: a list of one
		return w.literal(index(path, 0), v, typ.Elem)
	}
	def := w.schema.Types[typ.Name()]
	if def == nil {
		return nil
	}
	switch {
	case v.Kind == ast.ObjectValue:
		if def.Kind != ast.InputObject {
			return nil
		}
		for _, c := range v.Children {
			if fd := def.Fields.ForName(c.Name); fd != nil {
				if err := w.literal(join(path, c.Name), c.Value, fd.Type); err != nil {
					return err
				}
			}
		}
	case def.Kind == ast.Enum:
		if v.Kind != ast.EnumValue {
			return badEnum(path, v.String(), def)
		}
		if def.EnumValues.ForName(v.Raw) == nil {
			return badEnum(path, v.Raw, def)
		}
	case def.Kind == ast.Scalar && model.ScalarChecks[def.Name] != nil:
		value, err := v.Value(nil)
		if err != nil {
			return nil // the validator says what is wrong with the literal
		}
		return scalar(path, value, def.Name)
	case v.Kind == ast.StringValue || v.Kind == ast.BlockValue:
		return w.text(path, v.Raw, def.Name)
	}
	return nil
}

// runtime checks a variable's value (decoded JSON) at a position of typ.
func (w *inputWalker) runtime(path string, v any, typ *ast.Type) *gqlerror.Error {
	if v == nil {
		return nil
	}
	if typ.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return w.runtime(index(path, 0), v, typ.Elem)
		}
		if err := w.listSize(path, len(list)); err != nil {
			return err
		}
		for i, c := range list {
			if err := w.runtime(index(path, i), c, typ.Elem); err != nil {
				return err
			}
		}
		return nil
	}
	def := w.schema.Types[typ.Name()]
	if def == nil {
		return nil
	}
	switch def.Kind {
	case ast.InputObject:
		m, ok := v.(map[string]any)
		if !ok {
			return nil // the validator refuses a non-object
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the first problem is the same on every request
		for _, k := range keys {
			if fd := def.Fields.ForName(k); fd != nil {
				if err := w.runtime(join(path, k), m[k], fd.Type); err != nil {
					return err
				}
			}
		}
	case ast.Enum:
		s, ok := v.(string)
		if !ok {
			return badEnum(path, fmt.Sprint(v), def)
		}
		if def.EnumValues.ForName(s) == nil {
			return badEnum(path, fmt.Sprintf("%q", s), def)
		}
	case ast.Scalar:
		if model.ScalarChecks[def.Name] != nil {
			return scalar(path, v, def.Name)
		}
		if s, ok := v.(string); ok {
			return w.text(path, s, def.Name)
		}
	}
	return nil
}

// scalar runs the check of one of Lotse's own scalars (Date, LanguageCode).
func scalar(path string, v any, name string) *gqlerror.Error {
	if err := model.ScalarChecks[name](v); err != nil {
		return badInput(path, "%s: %v", path, err)
	}
	return nil
}

func (w *inputWalker) listSize(path string, n int) *gqlerror.Error {
	if max := w.limits.MaxListItems; max > 0 && n > max {
		return badInput(path, "%s: must have at most %d items, has %d", path, max, n)
	}
	return nil
}

// text bounds a String or ID (other scalars parse their own text) and
// refuses control characters other than tab and line breaks: NUL and
// escape sequences have no place in a directory and break files and
// terminals downstream.
func (w *inputWalker) text(path, s, scalar string) *gqlerror.Error {
	max := 0
	switch scalar {
	case "String":
		max = w.limits.MaxStringChars
	case "ID":
		max = w.limits.MaxIDChars
	default:
		return nil
	}
	if max > 0 && len(s) > max && utf8.RuneCountInString(s) > max {
		return badInput(path, "%s: must be at most %d characters", path, max)
	}
	if i := strings.IndexFunc(s, directory.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		return badInput(path, "%s: must not contain control characters (U+%04X at byte %d)", path, r, i)
	}
	return nil
}

func badEnum(path, got string, def *ast.Definition) *gqlerror.Error {
	names := make([]string, len(def.EnumValues))
	for i, v := range def.EnumValues {
		names[i] = v.Name
	}
	return badInput(path, "%s: %s is not a %s (one of %s)", path, got, def.Name, strings.Join(names, ", "))
}

func badInput(field, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	errcode.Set(err, CodeBadUserInput)
	err.Extensions["field"] = field
	return err
}
