package lotse

import (
	"sort"
	"strings"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// Undescribed lists, sorted, every element of s defined outside the GraphQL
// built-ins that has no description: types ("Offer"), fields
// ("Offer.title"), arguments ("Query.offers(first:)"), input fields
// ("OfferFilter.text") and enum values ("Cost.FREE").
func Undescribed(s *ast.Schema) []string {
	var out []string
	blank := func(d string) bool { return strings.TrimSpace(d) == "" }
	for name, def := range s.Types {
		if def.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		if blank(def.Description) {
			out = append(out, name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if blank(f.Description) {
				out = append(out, name+"."+f.Name)
			}
			for _, a := range f.Arguments {
				if blank(a.Description) {
					out = append(out, name+"."+f.Name+"("+a.Name+":)")
				}
			}
		}
		for _, v := range def.EnumValues {
			if blank(v.Description) {
				out = append(out, name+"."+v.Name)
			}
		}
	}
	for name, d := range s.Directives {
		if d.Position != nil && d.Position.Src != nil && d.Position.Src.BuiltIn {
			continue
		}
		switch name {
		case "skip", "include", "deprecated", "specifiedBy", "defer", "oneOf":
			continue
		}
		if blank(d.Description) {
			out = append(out, "@"+name)
		}
		for _, a := range d.Arguments {
			if blank(a.Description) {
				out = append(out, "@"+name+"("+a.Name+":)")
			}
		}
	}
	sort.Strings(out)
	return out
}

func loadFrom(src ...*ast.Source) (*ast.Schema, error) {
	s, err := gqlparser.LoadSchema(src...)
	if err != nil {
		return nil, err
	}
	return s, nil
}
