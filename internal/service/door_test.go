package service_test

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

const module = "github.com/lotse-kim/lotse"

// storeHolders are the packages that may call Store methods: the service
// (the one door) and the store with its backends and conformance suite.
var storeHolders = []string{
	module + "/internal/service",
	module + "/internal/store",
}

// TestOneDoorToTheStore: outside the service and the store packages, no
// code calls a method of the Store interface or of a backend's store, except
// Close, which belongs to whoever opened the store.
func TestOneDoorToTheStore(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the whole module")
	}
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedTypesInfo | packages.NeedSyntax, Dir: "../.."}
	pkgs, err := packages.Load(cfg, module+"/...")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 10 {
		t.Fatalf("loaded only %d packages", len(pkgs))
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
		if holdsStore(p.PkgPath) {
			continue
		}
		for expr, sel := range p.TypesInfo.Selections {
			if sel.Kind() != types.MethodVal || sel.Obj().Name() == "Close" {
				continue
			}
			if recv := storePackageOf(sel.Recv()); recv != "" {
				t.Errorf("%s: %s calls %s.%s; go through internal/service", p.PkgPath, p.Fset.Position(expr.Pos()), recv, sel.Obj().Name())
			}
		}
	}
}

func holdsStore(path string) bool {
	for _, h := range storeHolders {
		if path == h || strings.HasPrefix(path, h+"/") {
			return true
		}
	}
	return false
}

// storePackageOf returns the store package that defines the named type of
// t (through a pointer), or "" when t is not one of the store's types.
func storePackageOf(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	path := n.Obj().Pkg().Path()
	if path != module+"/internal/store" && !strings.HasPrefix(path, module+"/internal/store/") {
		return ""
	}
	// Value types of the store package (pages, filters, errors) are fine.
	if _, isIface := n.Underlying().(*types.Interface); !isIface && path == module+"/internal/store" {
		return ""
	}
	return n.Obj().Pkg().Name() + "." + n.Obj().Name()
}
