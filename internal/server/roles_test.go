package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
)

// A PARTNER edits its organisation's descriptive fields, not its kind,
// parent or working groups.
func TestPartnerEditsOnlyDescriptiveFields(t *testing.T) {
	e := newEnv(t)
	own := partnerOrg(e.snap)
	const q = `mutation($id: ID!, $in: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $in) { name kind } }`
	other := ""
	for _, o := range e.snap.Organisations {
		if o.ID != own {
			other = o.ID
			break
		}
	}
	for _, in := range []map[string]any{
		{"kind": "JOBCENTER"},
		{"kind": "JOBCENTER", "name": "Jobcenter Solingen"},
		{"parentId": other},
		{"workingGroupIds": []string{e.snap.WorkingGroups[0].ID}},
	} {
		r := e.do(access.RolePartner, q, map[string]any{"id": own, "in": in})
		if got := codes(r); len(got) != 1 || got[0] != "FORBIDDEN" {
			t.Errorf("partner update %v: errors %v, want FORBIDDEN", in, got)
		}
	}
	var out struct{ UpdateOrganisation struct{ Name, Kind string } }
	e.ok(access.RolePartner, q, map[string]any{"id": own, "in": map[string]any{"name": "Neuer Name", "description": "Beratung"}}, &out)
	if out.UpdateOrganisation.Name != "Neuer Name" {
		t.Errorf("descriptive update gave %+v", out.UpdateOrganisation)
	}
	// Steering may change the structure.
	e.ok(access.RoleSteering, q, map[string]any{"id": own, "in": map[string]any{"parentId": other}}, nil)
}

// Parent cycles are refused naming parentId, at any length.
func TestParentCyclesAreRefused(t *testing.T) {
	e := newEnv(t)
	const create = `mutation($in: CreateOrganisationInput!) { createOrganisation(input: $in) { id } }`
	for _, o := range []map[string]any{
		{"id": "org-a", "name": "A", "kind": "OTHER"},
		{"id": "org-b", "name": "B", "kind": "OTHER", "parentId": "org-a"},
		{"id": "org-c", "name": "C", "kind": "OTHER", "parentId": "org-b"},
	} {
		e.ok(access.RoleSteering, create, map[string]any{"in": o}, nil)
	}
	const update = `mutation($id: ID!, $p: ID) { updateOrganisation(id: $id, input: {parentId: $p}) { id } }`
	for _, c := range []struct{ id, parent string }{{"org-a", "org-c"}, {"org-a", "org-b"}, {"org-b", "org-b"}} {
		r := e.do(access.RoleSteering, update, map[string]any{"id": c.id, "p": c.parent})
		if got := codes(r); len(got) != 1 || got[0] != "BAD_USER_INPUT parentId" {
			t.Errorf("%s under %s: errors %v, want BAD_USER_INPUT parentId", c.id, c.parent, got)
		}
	}
	// Nothing changed: C can be deleted, then B, then A.
	for _, id := range []string{"org-c", "org-b", "org-a"} {
		e.ok(access.RoleSteering, `mutation($id: ID!) { deleteOrganisation(id: $id) }`, map[string]any{"id": id}, nil)
	}
}

// Deleting an organisation revokes its PARTNER tokens at once: the token
// does not control a new organisation created with the same id.
func TestDeletedOrganisationsTokensAreRevoked(t *testing.T) {
	e := newEnv(t)
	e.ok(access.RoleSteering, `mutation { createOrganisation(input: {id: "org-neu", name: "Neuer Verein", kind: OTHER}) { id } }`, nil, nil)
	secret := access.NewSecret()
	if err := e.store.CreateToken(t.Context(), access.Token{ID: "tok-neu", Name: "Neuer Verein", Role: access.RolePartner,
		OrganisationID: "org-neu", Hash: access.HashSecret(secret), CreatedAt: time.Now().UTC()}); err != nil {
		t.Fatal(err)
	}
	e.tokens["NEU"] = secret
	e.ok("NEU", `{ me { role } }`, nil, nil)
	e.ok(access.RoleSteering, `mutation { deleteOrganisation(id: "org-neu") }`, nil, nil)
	e.ok(access.RoleSteering, `mutation { createOrganisation(input: {id: "org-neu", name: "Ein anderer Verein", kind: OTHER}) { id } }`, nil, nil)
	res := e.raw("NEU", `mutation { updateOrganisation(id: "org-neu", input: {name: "Übernommen"}) { id } }`, nil)
	res.Body.Close()
	if res.StatusCode != http.StatusUnauthorized {
		t.Errorf("token of a deleted organisation: status %d, want 401", res.StatusCode)
	}
}
