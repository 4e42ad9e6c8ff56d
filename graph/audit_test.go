package graph

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/graph/model"
)

// literalCalls returns, for every call of one of the named methods in the
// non-test Go files of dir, its string-literal arguments at the given index.
func literalCalls(t *testing.T, dir string, methods map[string]bool, arg int) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !methods[sel.Sel.Name] || len(call.Args) <= arg {
				return true
			}
			if lit, ok := call.Args[arg].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				out[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
	}
	return out
}

// TestAuditActionsAreNamed: every action and entity type the service writes
// into the audit log has its enum value, so AuditEntry.operation never
// falls back to OTHER for something this version does.
func TestAuditActionsAreNamed(t *testing.T) {
	methods := map[string]bool{"audited": true, "auditEntry": true}
	actions := literalCalls(t, "../internal/service", methods, 1)
	if len(actions) < 10 {
		t.Fatalf("found only %d audited actions; the scan is broken", len(actions))
	}
	for a, at := range actions {
		if _, ok := auditActions[a]; !ok {
			t.Errorf("%s: action %q has no AuditAction value: add one to schema/types.graphqls and graph/audit.go", at, a)
		}
	}
	for e, at := range literalCalls(t, "../internal/service", methods, 2) {
		if _, ok := auditEntities[e]; !ok {
			t.Errorf("%s: entity type %q has no AuditEntityType value: add one to schema/types.graphqls and graph/audit.go", at, e)
		}
	}
	// The tables and the enums agree both ways.
	for _, v := range model.AllAuditAction {
		if v != model.AuditActionOther && reverse(auditActions, v) == "\x00other" {
			t.Errorf("AuditAction %s stands for no action", v)
		}
	}
	for _, v := range model.AllAuditEntityType {
		if v != model.AuditEntityTypeOther && reverse(auditEntities, v) == "\x00other" {
			t.Errorf("AuditEntityType %s stands for no entity type", v)
		}
	}
}

// TestMatchReasonCodesAreEnumValues: every reason and warning code of
// internal/matching is a MatchReasonKind.
func TestMatchReasonCodesAreEnumValues(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, "../internal/matching", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range pkgs {
		for _, f := range p.Files {
			for _, d := range f.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.CONST {
					continue
				}
				for _, s := range g.Specs {
					vs := s.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if !strings.HasPrefix(name.Name, "Reason") && !strings.HasPrefix(name.Name, "Warn") || i >= len(vs.Values) {
							continue
						}
						lit, ok := vs.Values[i].(*ast.BasicLit)
						if !ok || lit.Kind != token.STRING {
							continue
						}
						code, _ := strconv.Unquote(lit.Value)
						n++
						if !model.MatchReasonKind(code).IsValid() {
							t.Errorf("%s = %q is no MatchReasonKind: add it to schema/types.graphqls", name.Name, code)
						}
					}
				}
			}
		}
	}
	if n < 15 {
		t.Errorf("found only %d reason and warning codes; the scan is broken", n)
	}
}
