package lotse

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// maxFuncLines is the longest a hand-written function may be, not counting
// the lines of its table literals (DESIGN.md §7: functions cut along their
// own docs).
const maxFuncLines = 80

// TestFunctionLength fails on a function over maxFuncLines lines, generated
// code and table literals aside. Long test functions (scenarios written
// before the rule; several helpers add tests at once) are only listed in the
// test log, to be cut next.
func TestFunctionLength(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "generated" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		if ast.IsGenerated(f) {
			return nil
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			n := codeLines(fset, fd)
			switch {
			case n <= maxFuncLines:
			case strings.HasSuffix(path, "_test.go"):
				t.Logf("%s: test %s has %d lines: to cut", fset.Position(fd.Pos()), fd.Name.Name, n)
			default:
				t.Errorf("%s: %s has %d lines (without table literals); cut it along what it does (at most %d)",
					fset.Position(fd.Pos()), fd.Name.Name, n, maxFuncLines)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// codeLines counts the lines of fd outside table literals: composite
// literals of a slice, array or map type with at least three elements.
func codeLines(fset *token.FileSet, fd *ast.FuncDecl) int {
	first, last := fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line
	table := map[int]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		cl, ok := n.(*ast.CompositeLit)
		if !ok || len(cl.Elts) < 3 {
			return true
		}
		switch cl.Type.(type) {
		case *ast.ArrayType, *ast.MapType:
			from, to := fset.Position(cl.Lbrace).Line, fset.Position(cl.Rbrace).Line
			for l := from + 1; l < to; l++ {
				table[l] = true
			}
			return false
		}
		return true
	})
	return last - first + 1 - len(table)
}
