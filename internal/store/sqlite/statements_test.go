package sqlite

import (
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every file of sql/ is a registered statement, and every SQL file has its
// Cypher twin under the same name where the graph needs the statement too.
func TestStatementsEmbedded(t *testing.T) {
	files, err := fs.Glob(sqlFS, "sql/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(statements) {
		t.Errorf("%d files in sql/, %d statements loaded", len(files), len(statements))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".sql")
		st, ok := statements[name]
		if !ok {
			t.Errorf("sql/%s.sql is not loaded: a stale file or a typo", name)
			continue
		}
		if strings.TrimSpace(st.text) == "" {
			t.Errorf("sql/%s.sql is empty", name)
		}
	}
	twins := 0
	for name := range statements {
		if _, err := os.Stat(filepath.Join("..", "neo4j", "cypher", name+".cypher")); err == nil {
			twins++
		}
	}
	t.Logf("%d of %d SQL statements have a Cypher twin of the same name", twins, len(statements))
}

// A parameter the statement uses but the arguments lack is refused before
// SQLite would bind it as NULL; comments and string literals do not count.
func TestStatementParameters(t *testing.T) {
	st := &statement{name: "t", text: "SELECT :a, '$.x:y' -- :c\nWHERE id = :b"}
	st.params = parameters(st.text)
	if got := strings.Join(st.params, ","); got != "a,b" {
		t.Fatalf("parameters = %s, want a,b", got)
	}
	if err := st.check([]any{sql.Named("a", 1), sql.Named("b", 2)}); err != nil {
		t.Errorf("all given: %v", err)
	}
	err := st.check([]any{sql.Named("a", 1)})
	if err == nil || !strings.Contains(err.Error(), ":b") {
		t.Errorf("b missing: %v, want an error naming :b", err)
	}
}
