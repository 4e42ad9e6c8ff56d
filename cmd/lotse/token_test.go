package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// runOut runs the CLI and returns its stdout.
func runOut(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRoot()
	var out, errOut bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetArgs(args)
	err := root.ExecuteContext(t.Context())
	return out.String(), err
}

func TestTokenCreateListRevoke(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lotse.db")
	ctx := t.Context()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.CreateOrganisation(ctx, directory.Organisation{ID: "org-awo", Name: "AWO", Kind: directory.KindWelfareAssociation}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--role", "ADMIN"}, "--name"},
		{[]string{"--role", "KING", "--name", "x"}, "--role"},
		{[]string{"--name", "x"}, "--role"},
		{[]string{"--role", "PUBLIC", "--name", "x"}, "--role"},
		{[]string{"--role", "PARTNER", "--name", "x"}, "--organisation"},
		{[]string{"--role", "STEERING", "--organisation", "org-awo", "--name", "x"}, "--organisation"},
		{[]string{"--role", "PARTNER", "--organisation", "org-nowhere", "--name", "x"}, "--organisation"},
	} {
		_, err := runOut(t, append([]string{"token", "create", "--data", db}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("token create %v: %v, want an error naming %s", c.args, err, c.want)
		}
	}

	secret, err := runOut(t, "token", "create", "--data", db, "--role", "partner", "--organisation", "org-awo", "--name", "AWO Ohligs")
	if err != nil {
		t.Fatal(err)
	}
	secret = strings.TrimSpace(secret)
	if !strings.HasPrefix(secret, access.SecretPrefix) {
		t.Fatalf("printed %q, not a secret", secret)
	}
	list, err := runOut(t, "token", "list", "--data", db)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(list, "AWO Ohligs") || !strings.Contains(list, "PARTNER") || !strings.Contains(list, "org-awo") || strings.Contains(list, secret) {
		t.Errorf("token list:\n%s", list)
	}
	id := strings.Fields(strings.Split(list, "\n")[1])[0]

	st, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tok, err := st.TokenByHash(ctx, access.HashSecret(secret))
	if err != nil || tok.ID != id || tok.Role != access.RolePartner || tok.OrganisationID != "org-awo" || tok.RevokedAt != nil {
		t.Fatalf("stored token %+v, %v", tok, err)
	}
	if _, err := runOut(t, "token", "revoke", "--data", db, id); err != nil {
		t.Fatal(err)
	}
	if tok, _ := st.TokenByHash(ctx, access.HashSecret(secret)); tok.RevokedAt == nil {
		t.Error("token not revoked")
	}
	if _, err := runOut(t, "token", "revoke", "--data", db, "tok-nowhere"); err == nil || !strings.Contains(err.Error(), "tok-nowhere") {
		t.Errorf("revoking an unknown token: %v", err)
	}
	// Issuing and revoking are audited, as the operator.
	page, err := st.AuditLog(ctx, store.AuditFilter{EntityID: id}, store.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != 2 || page.Entries[0].Action != "revokeToken" || page.Entries[1].Action != "createToken" || page.Entries[0].ActorID != "cli" {
		t.Errorf("audit entries of the token: %+v", page.Entries)
	}
}

// serve refuses unsafe production settings before it opens a store or a port.
func TestServeProductionRefusesUnsafeSettings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lotse.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--production"}, "--cors-origins"},
		{[]string{"--production", "--cors-origins", "https://a.example", "--introspection"}, "--introspection"},
		{[]string{"--production", "--cors-origins", "https://a.example", "--demo"}, "--demo"},
		{[]string{"--max-depth", "0"}, "--max-depth"},
	} {
		_, err := runOut(t, append([]string{"serve", "--data", db, "--addr", "127.0.0.1:0"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("serve %v: %v, want an error naming %s", c.args, err, c.want)
		}
	}
}
