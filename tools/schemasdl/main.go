// Command schemasdl writes Lotse's schema as one SDL file (lotse.PrintSchema)
// to the path given, or to stdout. `go generate` runs it for docs/schema.graphql.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/lotse-kim/lotse"
)

func main() {
	var b bytes.Buffer
	if err := lotse.PrintSchema(&b); err != nil {
		fmt.Fprintln(os.Stderr, "schemasdl:", err)
		os.Exit(1)
	}
	out := os.Stdout
	if len(os.Args) > 1 {
		if err := os.WriteFile(os.Args[1], b.Bytes(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "schemasdl:", err)
			os.Exit(1)
		}
		return
	}
	out.Write(b.Bytes())
}
