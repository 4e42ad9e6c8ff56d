// Command gqlgen is Lotse's code generation (go generate ./... runs it): gqlgen's own, as
// `go tool gqlgen generate` does, with one plugin of Lotse's, sequential, and
// three rewrites of the executor it writes (rewrite.go) that take per-object
// and per-field work off the directory's hot lists.
//
// gqlgen resolves every resolver field of an object in a goroutine of its
// own (a field is concurrent when it has a resolver or a method taking ctx).
// For the objects named in sequentialObjects that is all cost and no gain:
// their resolvers read the request's dataloaders, which the list resolvers
// have already primed (graph/prefetch.go), so each answers at once. Resolved
// one after another, an Offer of a search page costs no goroutine, no stack
// growth and no atomic counting; the objects of a list are still marshalled
// concurrently, so a loader that was not primed still batches across them.
package main

import (
	"fmt"
	"os"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
)

// sequentialObjects are the GraphQL object types whose resolver fields run
// on the goroutine that marshals the object.
var sequentialObjects = []string{"Offer"}

func main() {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen: loading the config:", err)
		os.Exit(2)
	}
	if err := api.Generate(cfg, api.AddPlugin(sequential{objects: sequentialObjects})); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(3)
	}
	if err := rewriteFile(cfg.Exec.Filename, inOrderLists); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen: rewriting the executor:", err)
		os.Exit(4)
	}
}

// sequential is a gqlgen plugin: before the executor is written, it marks
// the named objects as not concurrent (gqlgen does the same for Mutation,
// whose fields must run in order).
type sequential struct{ objects []string }

func (sequential) Name() string { return "lotse-sequential" }

func (p sequential) GenerateCode(data *codegen.Data) error {
	for _, name := range p.objects {
		found := false
		for _, o := range data.Objects {
			if o.Name == name {
				o.DisableConcurrency, found = true, true
			}
		}
		if !found {
			return fmt.Errorf("%s: no object type %s in the schema", p.Name(), name)
		}
	}
	return nil
}
