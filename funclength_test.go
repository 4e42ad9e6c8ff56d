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

// longTests are the test functions written before the rule that are still
// over it; cut them (scenario steps as helpers, cases as tables) and delete
// them here. No other function may join them.
var longTests = map[string]bool{
	"cmd/lotse/report_test.go TestReportFilesEqualTheGraphQLAnswers":                 true,
	"internal/demo/demo_test.go TestTensions":                                        true,
	"internal/server/dashboard_test.go TestNetworkGraph":                             true,
	"internal/server/directory_test.go TestDirectoryMutations":                       true,
	"internal/server/fulldisk_test.go TestFullDisk":                                  true,
	"internal/server/node_test.go TestNodeRefetchesEveryNodeType":                    true,
	"internal/server/paging_test.go TestLastBeforePaging":                            true,
	"internal/server/privacy_test.go TestConfidentialPlaces":                         true,
	"internal/server/referrals_test.go TestReferralLoop":                             true,
	"internal/server/referrals_test.go TestReferralEvidenceInSteeringReports":        true,
	"internal/server/reports_test.go TestGapFilesOverHTTP":                           true,
	"internal/server/steering_test.go TestGapReportSuppressesSmallCounts":            true,
	"internal/server/suppression_test.go TestSuppressionHoldsAgainstDifferencing":    true,
	"internal/server/transport_test.go TestGraphQLOverHTTP":                          true,
	"internal/store/sqlite/search_grid_test.go TestRadiusSearchAgreesWithBruteForce": true,
}

// TestFunctionLength fails on a function over maxFuncLines lines, generated
// code and table literals aside (and the longTests still to cut).
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
			if n := codeLines(fset, fd); n > maxFuncLines && !longTests[filepath.ToSlash(path)+" "+fd.Name.Name] {
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
