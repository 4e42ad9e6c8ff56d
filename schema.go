// Package lotse holds the GraphQL contract of Lotse: schema.graphqls and
// schema/*.graphqls, embedded so that tools (the description test, `lotse
// schema`, the schema-change check) read the very files gqlgen compiles.
package lotse

import (
	"embed"
	"io/fs"
	"sort"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

//go:embed schema.graphqls schema/*.graphqls
var schemaFiles embed.FS

// SchemaSources returns the schema files, schema.graphqls first and then
// schema/*.graphqls by name, the order gqlgen reads them in.
func SchemaSources() ([]*ast.Source, error) {
	names, err := fs.Glob(schemaFiles, "schema/*.graphqls")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	names = append([]string{"schema.graphqls"}, names...)
	out := make([]*ast.Source, 0, len(names))
	for _, n := range names {
		b, err := schemaFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, &ast.Source{Name: n, Input: string(b)})
	}
	return out, nil
}

// LoadSchema parses and validates the committed schema files.
func LoadSchema() (*ast.Schema, error) {
	src, err := SchemaSources()
	if err != nil {
		return nil, err
	}
	s, gerr := gqlparser.LoadSchema(src...)
	if gerr != nil {
		return nil, gerr
	}
	return s, nil
}
