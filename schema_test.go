package lotse

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
)

// TestSchemaIsDescribed fails naming every type, field, argument, input
// field and enum value of the schema that has no description: integrators
// learn the API from GraphiQL's docs pane and generated clients.
func TestSchemaIsDescribed(t *testing.T) {
	s, err := LoadSchema()
	if err != nil {
		t.Fatal(err)
	}
	missing := Undescribed(s)
	for _, m := range missing {
		t.Errorf("no description: %s", m)
	}
	if len(missing) > 0 {
		t.Logf("%d schema elements lack a description; write one in plain English (what it means, units, defaults, limits, who may read it)", len(missing))
	}
}

// TestUndescribedFindsGaps makes sure the check above can fail.
func TestUndescribedFindsGaps(t *testing.T) {
	src := &ast.Source{Name: "t.graphqls", Input: `
"A described type."
type Query {
  "Described."
  a(x: Int): Int
  b: Int
}
enum E { ONE }
"Described input."
input I { f: Int }
`}
	s, err := loadFrom(src)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(Undescribed(s), "\n")
	want := strings.Join([]string{"E", "E.ONE", "I.f", "Query.a(x:)", "Query.b"}, "\n")
	if got != want {
		t.Errorf("Undescribed =\n%s\nwant\n%s", got, want)
	}
}

func ExampleUndescribed() {
	s, _ := loadFrom(&ast.Source{Name: "x", Input: "\"Root.\" type Query { \"The answer.\" n: Int }"})
	fmt.Println(len(Undescribed(s)))
	// Output: 0
}

// TestSchemaSnapshotIsFresh: docs/schema.graphql is what PrintSchema makes
// of the schema files (go generate writes it).
func TestSchemaSnapshotIsFresh(t *testing.T) {
	var b bytes.Buffer
	if err := PrintSchema(&b); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("docs/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Error("docs/schema.graphql is stale: run go generate ./... (go run ./tools/schemasdl docs/schema.graphql) and commit it")
	}
	if _, err := loadFrom(&ast.Source{Name: "docs/schema.graphql", Input: string(got)}); err != nil {
		t.Errorf("docs/schema.graphql does not parse: %v", err)
	}
}
