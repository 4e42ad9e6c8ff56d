package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// A typo in --data must fail, not read a new empty database: an empty
// backup, an empty report or an empty token list that exits 0 is how a
// backup job fails unnoticed.
func TestCommandsRefuseAMissingDatabase(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{
		{"export", "--data", typo, "--out", filepath.Join(dir, "backup.json")},
		{"report", "gaps", "--municipality", "Solingen", "--data", typo, "--out", filepath.Join(dir, "gaps.csv")},
		{"report", "network", "--data", typo, "--out", filepath.Join(dir, "net.csv")},
		{"token", "list", "--data", typo},
		{"token", "revoke", "tok-x", "--data", typo},
	} {
		_, err := runOut(t, args...)
		if err == nil || !strings.Contains(err.Error(), "no such database file") {
			t.Errorf("lotse %s: error %v, want no such database file", strings.Join(args, " "), err)
		}
		if _, err := os.Stat(typo); err == nil {
			t.Fatalf("lotse %s created %s", strings.Join(args, " "), typo)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "backup.json")); err == nil {
		t.Error("export wrote a backup of nothing")
	}
}

// An import into a database that holds data says what it held and is one
// audited change, with who and the counts before and after.
func TestImportIntoALiveDatabaseIsAudited(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "demo.json")
	data, _ := json.Marshal(demo.Demo())
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "lotse.db")
	if err := run(t, "import", "-q", "--data", db, src); err != nil {
		t.Fatal(err)
	}
	stderr := captureStderr(t, func() {
		if err := run(t, "import", "-q", "--data", db, src); err != nil {
			t.Error(err)
		}
	})
	snap := demo.Demo()
	if !strings.Contains(stderr, "the store held") || !strings.Contains(stderr, "organisations") || !strings.Contains(stderr, "were replaced") {
		t.Errorf("second import did not say what it replaced:\n%s", stderr)
	}
	ctx := t.Context()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	page, err := st.AuditLog(ctx, store.AuditFilter{Action: "import"}, store.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 2 {
		t.Fatalf("%d audit entries of imports, want 2", len(page.Entries))
	}
	latest := page.Entries[0]
	if latest.ActorID != "cli" || latest.EntityType != "Snapshot" {
		t.Errorf("audit entry %+v", latest)
	}
	var orgs *string
	for _, c := range latest.Changes {
		if c.Field == "organisations" {
			orgs = &c.Old
		}
	}
	if orgs == nil || *orgs != jsonInt(len(snap.Organisations)) {
		t.Errorf("entry changes %+v, want organisations old %d", latest.Changes, len(snap.Organisations))
	}
}

func jsonInt(n int) string { b, _ := json.Marshal(n); return string(b) }
