package storetest

// Owned by the steering/access engineer: conformance tests of store.Access.

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func accessTests() []Test {
	return []Test{
		{"TokenLifecycle", testTokenLifecycle},
		{"TokenConflictsAndValidation", testTokenConflicts},
		{"AuditWrittenWithWrite", testAuditWrittenWithWrite},
		{"AuditWithDirectoryWrite", testAuditWithDirectoryWrite},
		{"AuditFiltersAndPaging", testAuditFiltersAndPaging},
		{"DeleteOrganisationRevokesItsTokens", testDeleteOrganisationRevokesTokens},
	}
}

// accT0 is a fixed instant with nanoseconds, so that time round trips are exact.
var accT0 = time.Date(2025, 3, 14, 9, 26, 53, 589793238, time.UTC)

func accToken(id, hash string, created time.Time) access.Token {
	return access.Token{ID: id, Name: "token " + id, Role: access.RoleSteering, Hash: hash, CreatedAt: created}
}

// accSameToken compares tokens with time.Time.Equal, so the zone a store returns does not matter.
func accSameToken(t *testing.T, what string, got, want access.Token) {
	t.Helper()
	if got.ID != want.ID || got.Name != want.Name || got.Role != want.Role || got.OrganisationID != want.OrganisationID ||
		got.Hash != want.Hash || !got.CreatedAt.Equal(want.CreatedAt) {
		t.Errorf("%s: got %+v, want %+v", what, got, want)
	}
	switch {
	case (got.RevokedAt == nil) != (want.RevokedAt == nil):
		t.Errorf("%s: revokedAt %v, want %v", what, got.RevokedAt, want.RevokedAt)
	case got.RevokedAt != nil && !got.RevokedAt.Equal(*want.RevokedAt):
		t.Errorf("%s: revokedAt %v, want %v", what, *got.RevokedAt, *want.RevokedAt)
	}
}

func accTokenIDs(ts []access.Token) []string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

func testTokenLifecycle(t *testing.T, s store.Store) {
	ctx := t.Context()
	if ts, err := s.Tokens(ctx); err != nil || len(ts) != 0 {
		t.Fatalf("Tokens on an empty store = %v, %v; want none", ts, err)
	}
	partner := access.Token{ID: "tok-p", Name: "AWO Solingen", Role: access.RolePartner, OrganisationID: "org-awo",
		Hash: "hash-p", CreatedAt: accT0.In(time.FixedZone("CET", 3600))}
	admin := accToken("tok-a", "hash-a", accT0.Add(-time.Hour))
	sameTimeB := accToken("tok-c", "hash-c", accT0.Add(time.Nanosecond))
	sameTimeA := accToken("tok-b", "hash-b", accT0.Add(time.Nanosecond))
	admin.Role = access.RoleAdmin
	for _, tk := range []access.Token{partner, sameTimeB, admin, sameTimeA} {
		if err := s.CreateToken(ctx, tk); err != nil {
			t.Fatalf("CreateToken(%s): %v", tk.ID, err)
		}
	}
	got, err := s.TokenByHash(ctx, "hash-p")
	if err != nil {
		t.Fatalf("TokenByHash: %v", err)
	}
	accSameToken(t, "TokenByHash(hash-p)", got, partner)
	if _, err := s.TokenByHash(ctx, "no-such-hash"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("TokenByHash(unknown) error = %v, want ErrNotFound", err)
	}

	// By creation time, ties by id; the 1 ns difference must count.
	ts, err := s.Tokens(ctx)
	if err != nil {
		t.Fatalf("Tokens: %v", err)
	}
	if ids, want := accTokenIDs(ts), []string{"tok-a", "tok-p", "tok-b", "tok-c"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("Tokens order = %v, want %v", ids, want)
	}
	accSameToken(t, "Tokens[0]", ts[0], admin)

	revokedAt := accT0.Add(48 * time.Hour)
	if err := s.RevokeToken(ctx, "tok-p", revokedAt); err != nil {
		t.Fatalf("RevokeToken: %v", err)
	}
	partner.RevokedAt = &revokedAt
	got, err = s.TokenByHash(ctx, "hash-p")
	if err != nil {
		t.Fatalf("TokenByHash(revoked): %v", err)
	}
	accSameToken(t, "TokenByHash after revoke", got, partner)
	// Revoking again succeeds and keeps the first revocation time.
	if err := s.RevokeToken(ctx, "tok-p", revokedAt.Add(time.Hour)); err != nil {
		t.Fatalf("RevokeToken again: %v", err)
	}
	if got, err = s.TokenByHash(ctx, "hash-p"); err != nil {
		t.Fatal(err)
	}
	accSameToken(t, "TokenByHash after second revoke", got, partner)

	ts, err = s.Tokens(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range ts {
		if (tk.RevokedAt != nil) != (tk.ID == "tok-p") {
			t.Errorf("Tokens: %s revokedAt = %v", tk.ID, tk.RevokedAt)
		}
	}

	err = s.RevokeToken(ctx, "tok-nope", revokedAt)
	var nf *store.NotFound
	if !errors.As(err, &nf) || nf.ID != "tok-nope" || !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RevokeToken(unknown) error = %#v, want *NotFound for tok-nope", err)
	}
}

func testTokenConflicts(t *testing.T, s store.Store) {
	ctx := t.Context()
	if err := s.CreateToken(ctx, accToken("tok-1", "hash-1", accT0)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		tok   access.Token
		field string
	}{
		{accToken("tok-1", "hash-other", accT0), "id"},
		{accToken("tok-2", "hash-1", accT0), "hash"},
		{accToken("tok-1", "hash-1", accT0), "id"},
	} {
		err := s.CreateToken(ctx, c.tok)
		var ce *store.Conflict
		if !errors.As(err, &ce) || ce.Field != c.field || !errors.Is(err, store.ErrConflict) {
			t.Errorf("CreateToken(%s, %s) error = %#v, want *Conflict on %q", c.tok.ID, c.tok.Hash, err, c.field)
		}
	}
	ts, err := s.Tokens(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ids := accTokenIDs(ts); !reflect.DeepEqual(ids, []string{"tok-1"}) {
		t.Errorf("after refused writes Tokens = %v, want [tok-1]", ids)
	}
	got, err := s.TokenByHash(ctx, "hash-1")
	if err != nil || got.Name != "token tok-1" {
		t.Errorf("the refused duplicates changed tok-1: %+v, %v", got, err)
	}
}

func accEntry(n int, actor, action, entityType, entityID string) access.AuditEntry {
	return access.AuditEntry{
		ID:         fmt.Sprintf("audit-%02d", n),
		At:         accT0.Add(time.Duration(n) * time.Minute),
		ActorID:    actor,
		ActorName:  "Name of " + actor,
		Role:       access.RoleAdmin,
		Action:     action,
		EntityType: entityType,
		EntityID:   entityID,
	}
}

func accSameEntries(t *testing.T, what string, got, want []access.AuditEntry) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d entries %v, want %d %v", what, len(got), accEntryIDs(got), len(want), accEntryIDs(want))
		return
	}
	for i := range got {
		g, w := got[i], want[i]
		if !g.At.Equal(w.At) {
			t.Errorf("%s[%d]: at %v, want %v", what, i, g.At, w.At)
		}
		g.At, w.At = time.Time{}, time.Time{}
		if len(g.Changes) == 0 && len(w.Changes) == 0 {
			g.Changes, w.Changes = nil, nil
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s[%d]: got %+v, want %+v", what, i, g, w)
		}
	}
}

func accEntryIDs(es []access.AuditEntry) []string {
	ids := make([]string, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

func testAuditWrittenWithWrite(t *testing.T, s store.Store) {
	ctx := t.Context()
	e := accEntry(1, "tok-admin", "createToken", "Token", "tok-1")
	e.At = e.At.In(time.FixedZone("CEST", 7200))
	e.Changes = []access.FieldChange{{Field: "name", New: `"token tok-1"`}, {Field: "role", Old: `"PUBLIC"`, New: `"STEERING"`}}
	if err := s.CreateToken(store.WithAudit(ctx, e), accToken("tok-1", "hash-1", accT0)); err != nil {
		t.Fatal(err)
	}
	// A write that fails leaves no trace in the audit log.
	failed := accEntry(2, "tok-admin", "createToken", "Token", "tok-1")
	if err := s.CreateToken(store.WithAudit(ctx, failed), accToken("tok-1", "hash-2", accT0)); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("duplicate CreateToken error = %v, want a conflict", err)
	}
	if err := s.RevokeToken(store.WithAudit(ctx, accEntry(3, "tok-admin", "revokeToken", "Token", "tok-x")), "tok-x", accT0); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("RevokeToken(unknown) error = %v, want not found", err)
	}
	// A write without an entry in ctx writes none.
	if err := s.CreateToken(ctx, accToken("tok-2", "hash-2", accT0)); err != nil {
		t.Fatal(err)
	}
	page, err := s.AuditLog(ctx, store.AuditFilter{}, store.Page{First: 10})
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	accSameEntries(t, "AuditLog", page.Entries, []access.AuditEntry{e})
	if page.TotalCount != 1 || page.HasNextPage || page.HasPreviousPage {
		t.Errorf("AuditLog page info = %+v, want total 1, no next or previous page", page.PageInfo)
	}
}

func testAuditWithDirectoryWrite(t *testing.T, s store.Store) {
	ctx := t.Context()
	org := directory.Organisation{ID: "org-ki", Name: "Kommunales Integrationszentrum Solingen", Kind: directory.KindIntegrationCentre,
		Municipality: "Solingen", UpdatedAt: accT0}
	e := accEntry(1, "cli", "createOrganisation", "Organisation", "org-ki")
	e.Changes = []access.FieldChange{{Field: "name", New: `"Kommunales Integrationszentrum Solingen"`}}
	if err := s.CreateOrganisation(store.WithAudit(ctx, e), org); err != nil {
		t.Fatalf("CreateOrganisation: %v", err)
	}
	if err := s.CreateOrganisation(store.WithAudit(ctx, accEntry(2, "cli", "createOrganisation", "Organisation", "org-ki")), org); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("duplicate CreateOrganisation error = %v, want a conflict", err)
	}
	coopEntry := accEntry(3, "tok-steering", "addCooperation", "Cooperation", "org-ki|org-x")
	if err := s.AddCooperation(store.WithAudit(ctx, coopEntry), directory.Cooperation{A: "org-ki", B: "org-x"}); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("AddCooperation with an unknown organisation error = %v, want not found", err)
	}
	page, err := s.AuditLog(ctx, store.AuditFilter{EntityType: "Organisation", EntityID: "org-ki"}, store.Page{First: 10})
	if err != nil {
		t.Fatalf("AuditLog: %v", err)
	}
	accSameEntries(t, "AuditLog(org-ki)", page.Entries, []access.AuditEntry{e})
	if page.TotalCount != 1 {
		t.Errorf("TotalCount = %d, want 1", page.TotalCount)
	}
	all, err := s.AuditLog(ctx, store.AuditFilter{}, store.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	accSameEntries(t, "AuditLog(all)", all.Entries, []access.AuditEntry{e})
}

func testAuditFiltersAndPaging(t *testing.T, s store.Store) {
	ctx := t.Context()
	entries := []access.AuditEntry{
		accEntry(1, "tok-a", "createToken", "Token", "t1"),
		accEntry(2, "tok-b", "createToken", "Token", "t2"),
		accEntry(3, "tok-a", "revokeToken", "Token", "t1"),
		accEntry(4, "cli", "createToken", "Token", "t3"),
		accEntry(5, "tok-a", "createToken", "Token", "t4"),
		accEntry(6, "tok-b", "revokeToken", "Token", "t3"),
		accEntry(7, "tok-a", "createToken", "Token", "t5"),
	}
	// The entries are written in this order but their At runs backwards for
	// 4..7, to show that "newest first" is the order of writing.
	entries[3].At, entries[4].At, entries[5].At, entries[6].At = accT0, accT0, accT0.Add(-time.Hour), accT0.Add(-2*time.Hour)
	for _, e := range entries {
		ctx := store.WithAudit(ctx, e)
		var err error
		if e.Action == "createToken" {
			err = s.CreateToken(ctx, accToken(e.EntityID, "hash-"+e.EntityID, accT0))
		} else {
			err = s.RevokeToken(ctx, e.EntityID, accT0)
		}
		if err != nil {
			t.Fatalf("%s %s: %v", e.Action, e.EntityID, err)
		}
	}
	pick := func(ns ...int) []access.AuditEntry {
		var out []access.AuditEntry
		for _, n := range ns {
			out = append(out, entries[n-1])
		}
		return out
	}
	for _, c := range []struct {
		name string
		f    store.AuditFilter
		want []access.AuditEntry
	}{
		{"all", store.AuditFilter{}, pick(7, 6, 5, 4, 3, 2, 1)},
		{"actor", store.AuditFilter{ActorID: "tok-a"}, pick(7, 5, 3, 1)},
		{"entity", store.AuditFilter{EntityType: "Token", EntityID: "t3"}, pick(6, 4)},
		{"action", store.AuditFilter{Action: "revokeToken"}, pick(6, 3)},
		{"actor and action", store.AuditFilter{ActorID: "tok-a", Action: "createToken"}, pick(7, 5, 1)},
		{"entity type only", store.AuditFilter{EntityType: "Offer"}, nil},
		{"one entry by id", store.AuditFilter{ID: entries[4].ID}, pick(5)},
		{"id and another filter that excludes it", store.AuditFilter{ID: entries[4].ID, Action: "revokeToken"}, nil},
	} {
		page, err := s.AuditLog(ctx, c.f, store.Page{First: 50})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		accSameEntries(t, c.name, page.Entries, c.want)
		if page.TotalCount != len(c.want) || page.HasNextPage {
			t.Errorf("%s: page info %+v, want total %d and no next page", c.name, page.PageInfo, len(c.want))
		}
	}

	// Pages of 3: 7 6 5 | 4 3 2 | 1.
	var got []access.AuditEntry
	after := ""
	for i, want := range []struct {
		previous bool
		n        int
		next     bool
	}{{false, 3, true}, {true, 3, true}, {true, 1, false}} {
		page, err := s.AuditLog(ctx, store.AuditFilter{}, store.Page{First: 3, After: after})
		if err != nil {
			t.Fatalf("page %d: %v", i, err)
		}
		if len(page.Entries) != want.n || page.HasPreviousPage != want.previous || page.HasNextPage != want.next || page.TotalCount != 7 {
			t.Fatalf("page %d: %d entries, info %+v; want %d entries, previous %v, next %v, total 7",
				i, len(page.Entries), page.PageInfo, want.n, want.previous, want.next)
		}
		got = append(got, page.Entries...)
		after = page.Cursors[len(page.Cursors)-1]
	}
	accSameEntries(t, "paged", got, pick(7, 6, 5, 4, 3, 2, 1))

	page, err := s.AuditLog(ctx, store.AuditFilter{ActorID: "tok-a"}, store.Page{First: 2})
	if err != nil {
		t.Fatal(err)
	}
	page, err = s.AuditLog(ctx, store.AuditFilter{ActorID: "tok-a"}, store.Page{First: 2, After: page.Cursors[1]})
	if err != nil {
		t.Fatal(err)
	}
	accSameEntries(t, "actor page 2", page.Entries, pick(3, 1))
	if page.TotalCount != 4 || page.HasNextPage || !page.HasPreviousPage {
		t.Errorf("actor page 2 info = %+v, want a previous page, total 4, no next page", page.PageInfo)
	}

	auditBadPagesRefused(t, s)
}

// auditBadPagesRefused: a page too large or a bad cursor is a ValidationError
// naming first or after (the backend decodes the cursor).
func auditBadPagesRefused(t *testing.T, s store.Store) {
	ctx := t.Context()
	for _, c := range []struct {
		p     store.Page
		field string
	}{{store.Page{First: store.MaxPageSize + 1}, "first"}, {store.Page{First: 5, After: "not-a-cursor"}, "after"}} {
		_, err := s.AuditLog(ctx, store.AuditFilter{}, c.p)
		var ve *directory.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Field != c.field {
			t.Errorf("AuditLog(%+v) error = %v, want a ValidationError on %q", c.p, err, c.field)
		}
	}
}

// Deleting an organisation revokes its PARTNER tokens in the same write, so
// that a token cannot control a new organisation created with the same id;
// other organisations' tokens and a refused delete revoke nothing.
func testDeleteOrganisationRevokesTokens(t *testing.T, s store.Store) {
	ctx := t.Context()
	for _, o := range []directory.Organisation{
		{ID: "org-a", Name: "AWO", Kind: directory.KindWelfareAssociation, UpdatedAt: accT0},
		{ID: "org-b", Name: "Caritas", Kind: directory.KindWelfareAssociation, UpdatedAt: accT0},
		{ID: "org-c", Name: "Caritas Ohligs", Kind: directory.KindWelfareAssociation, ParentID: "org-b", UpdatedAt: accT0},
	} {
		if err := s.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	for i, org := range []string{"org-a", "org-a", "org-b"} {
		tk := accToken(fmt.Sprintf("tok-%d", i), fmt.Sprintf("hash-%d", i), accT0)
		tk.Role, tk.OrganisationID = access.RolePartner, org
		if err := s.CreateToken(ctx, tk); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteOrganisation(ctx, "org-b"); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("DeleteOrganisation with a part: %v, want a conflict", err)
	}
	if err := s.DeleteOrganisation(ctx, "org-a"); err != nil {
		t.Fatal(err)
	}
	ts, err := s.Tokens(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range ts {
		if revoked := tk.RevokedAt != nil; revoked != (tk.OrganisationID == "org-a") {
			t.Errorf("token %s of %s: revoked %v", tk.ID, tk.OrganisationID, revoked)
		}
	}
}
