package service_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

func newService(t *testing.T) *service.Service {
	t.Helper()
	st, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return service.New(st)
}

// Seeding the demo imports it once, issues its tokens through CreateToken
// (audited, usable for Authenticate) and revokes the previous ones.
func TestSeedDemo(t *testing.T) {
	svc := newService(t)
	ctx := access.WithPrincipal(t.Context(), access.Operator)
	snap := demo.Demo()
	first, err := svc.SeedDemo(ctx, snap)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Loaded || len(first.Tokens) != 4 {
		t.Fatalf("first seeding: loaded %v, %d tokens; want loaded, 4 tokens", first.Loaded, len(first.Tokens))
	}
	for _, tok := range first.Tokens {
		p, err := svc.Authenticate(ctx, tok.Secret)
		if err != nil || p.Role != tok.Role || p.TokenID != tok.ID {
			t.Errorf("Authenticate(%s token) = %+v, %v", tok.Role, p, err)
		}
		if tok.Role == access.RolePartner && tok.OrganisationID == "" {
			t.Error("the demo PARTNER token belongs to no organisation")
		}
	}
	second, err := svc.SeedDemo(ctx, snap)
	if err != nil {
		t.Fatal(err)
	}
	if second.Loaded || second.Before.Organisations != len(snap.Organisations) {
		t.Errorf("second seeding: loaded %v over %d organisations; want not loaded over %d", second.Loaded, second.Before.Organisations, len(snap.Organisations))
	}
	for _, tok := range first.Tokens {
		if _, err := svc.Authenticate(ctx, tok.Secret); !errors.Is(err, service.ErrRevokedToken) {
			t.Errorf("old %s demo token after reseeding: %v, want ErrRevokedToken", tok.Role, err)
		}
	}
	if _, err := svc.Authenticate(ctx, "lotse_no-such-secret"); !errors.Is(err, service.ErrUnknownToken) {
		t.Errorf("unknown secret: %v, want ErrUnknownToken", err)
	}
	counts := map[string]int{}
	log, err := svc.AuditLog(ctx, store.AuditFilter{}, store.Page{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range log.Entries {
		counts[e.Action]++
		if e.ActorID != access.Operator.TokenID {
			t.Errorf("audit entry %s by %q, want the operator", e.Action, e.ActorID)
		}
	}
	if counts["import"] != 1 || counts["createToken"] != 8 || counts["revokeToken"] != 4 {
		t.Errorf("audit actions = %v; want 1 import, 8 createToken, 4 revokeToken", counts)
	}
}

// Import and export are the operator's: a token of another role is refused.
func TestTransferNeedsTheOperator(t *testing.T) {
	svc := newService(t)
	steering := access.WithPrincipal(t.Context(), access.Principal{Role: access.RoleSteering, TokenID: "tok-s"})
	if _, err := svc.Import(steering, demo.Demo()); !errors.Is(err, access.ErrForbidden) {
		t.Errorf("Import as STEERING: %v, want forbidden", err)
	}
	if _, err := svc.Export(steering); !errors.Is(err, access.ErrForbidden) {
		t.Errorf("Export as STEERING: %v, want forbidden", err)
	}
}
