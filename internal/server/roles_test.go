package server_test

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
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

// A cooperation a PARTNER adds is PROPOSED: not a partner of either side,
// not in the network analysis (shown apart), until the other side or
// steering confirms it; the proposer cannot confirm it itself.
func TestCooperationProposals(t *testing.T) {
	e := newEnv(t)
	own := partnerOrg(e.snap)
	e.ok(access.RoleSteering, `mutation { createOrganisation(input: {id: "org-verein", name: "Neuer Verein", kind: MIGRANT_ORGANISATION, municipality: "Solingen"}) { id } }`, nil, nil)
	// The new organisation needs a district in Solingen to be in its network report.
	e.ok(access.RoleSteering, `mutation($d: ID) { updateOrganisation(id: "org-verein", input: {districtId: $d}) { id } }`,
		map[string]any{"d": e.snap.Districts[0].ID}, nil)
	report := func() (coops, proposed int) {
		var out struct {
			NetworkReport struct{ Cooperations, ProposedCooperations int }
		}
		e.ok(access.RoleSteering, `{ networkReport { cooperations proposedCooperations } }`, nil, &out)
		return out.NetworkReport.Cooperations, out.NetworkReport.ProposedCooperations
	}
	partners := func() int {
		var out struct {
			Organisation struct {
				Partners []struct{ Organisation struct{ ID string } }
			}
		}
		e.ok(access.RolePublic, `{ organisation(id: "org-verein") { partners { organisation { id } } } }`, nil, &out)
		return len(out.Organisation.Partners)
	}
	c0, p0 := report()
	var add struct{ AddCooperation struct{ Status string } }
	e.ok(access.RolePartner, `mutation($a: ID!) { addCooperation(input: {a: $a, b: "org-verein", topics: ["Sprache"]}) { status } }`, map[string]any{"a": own}, &add)
	if add.AddCooperation.Status != "PROPOSED" {
		t.Fatalf("a partner's cooperation is %q, want PROPOSED", add.AddCooperation.Status)
	}
	if c, p := report(); c != c0 || p != p0+1 {
		t.Errorf("network report after the proposal: %d cooperations, %d proposed; want %d and %d", c, p, c0, p0+1)
	}
	if n := partners(); n != 0 {
		t.Errorf("a proposal counts as a partner (%d)", n)
	}
	r := e.do(access.RolePartner, `mutation($a: ID!) { confirmCooperation(a: $a, b: "org-verein") { status } }`, map[string]any{"a": own})
	if got := codes(r); len(got) != 1 || got[0] != "FORBIDDEN" {
		t.Errorf("the proposer confirming: %v, want FORBIDDEN", got)
	}
	var conf struct{ ConfirmCooperation struct{ Status string } }
	e.ok(access.RoleSteering, `mutation($a: ID!) { confirmCooperation(a: "org-verein", b: $a) { status } }`, map[string]any{"a": own}, &conf)
	if conf.ConfirmCooperation.Status != "CONFIRMED" {
		t.Errorf("confirmed status %q", conf.ConfirmCooperation.Status)
	}
	if c, p := report(); c != c0+1 || p != p0 {
		t.Errorf("network report after confirming: %d cooperations, %d proposed; want %d and %d", c, p, c0+1, p0)
	}
	if n := partners(); n != 1 {
		t.Errorf("%d partners after confirming, want 1", n)
	}
	r = e.do(access.RoleSteering, `mutation($a: ID!) { confirmCooperation(a: "org-verein", b: $a) { status } }`, map[string]any{"a": own})
	if got := codes(r); len(got) != 1 || got[0] != "NOT_FOUND b" {
		t.Errorf("confirming again: %v, want NOT_FOUND b", got)
	}
}

// The network picture draws proposals apart from cooperations: a PARTNER's
// proposal is among proposedEdges (not edges) until steering confirms it.
func TestNetworkGraphShowsProposalsApart(t *testing.T) {
	e := newEnv(t)
	own := partnerOrg(e.snap)
	var district, municipality string
	for _, o := range e.snap.Organisations {
		if o.ID == own {
			district = o.DistrictID
		}
	}
	for _, d := range e.snap.Districts {
		if d.ID == district {
			municipality = d.Municipality
		}
	}
	if municipality == "" {
		t.Fatalf("the partner's organisation %s has no district", own)
	}
	e.ok(access.RoleSteering, `mutation($d: ID) { createOrganisation(input: {id: "org-nachbar", name: "Nachbarschaftsverein", kind: MIGRANT_ORGANISATION, districtId: $d}) { id } }`,
		map[string]any{"d": district}, nil)
	pair := directory.Cooperation{A: own, B: "org-nachbar"}.Normalized()
	picture := func() (confirmed, proposed bool) {
		var out struct {
			NetworkGraph struct {
				Edges, ProposedEdges []struct{ Source, Target string }
			}
		}
		e.ok(access.RoleSteering, `query($m: String!) { networkGraph(municipality: $m) { edges { source target } proposedEdges { source target } } }`,
			map[string]any{"m": municipality}, &out)
		has := func(es []struct{ Source, Target string }) bool {
			for _, x := range es {
				if x.Source == pair.A && x.Target == pair.B {
					return true
				}
			}
			return false
		}
		return has(out.NetworkGraph.Edges), has(out.NetworkGraph.ProposedEdges)
	}
	if c, p := picture(); c || p {
		t.Fatalf("before the proposal: confirmed %v, proposed %v", c, p)
	}
	e.ok(access.RolePartner, `mutation($a: ID!) { addCooperation(input: {a: $a, b: "org-nachbar", topics: ["Sprache"]}) { status } }`, map[string]any{"a": own}, nil)
	if c, p := picture(); c || !p {
		t.Errorf("after the proposal: confirmed %v, proposed %v; want only proposed", c, p)
	}
	e.ok(access.RoleSteering, `mutation($a: ID!) { confirmCooperation(a: "org-nachbar", b: $a) { status } }`, map[string]any{"a": own}, nil)
	if c, p := picture(); !c || p {
		t.Errorf("after confirming: confirmed %v, proposed %v; want only confirmed", c, p)
	}
}

// A partner's refusal for another organisation's offer reads word for word
// like the one for an id that does not exist: it names neither the offer's
// provider nor anything else that tells the two apart.
func TestPartnerRefusalsDoNotTellForeignOffersFromUnknown(t *testing.T) {
	e := newEnv(t)
	own := partnerOrg(e.snap)
	var foreign string
	for _, o := range e.snap.Offers {
		if o.ProviderID != own {
			foreign = o.ID
			break
		}
	}
	for _, m := range []string{
		`mutation($id: ID!) { updateOffer(id: $id, input: {title: "x"}) { id } }`,
		`mutation($id: ID!) { deleteOffer(id: $id) }`,
	} {
		got := e.do(access.RolePartner, m, map[string]any{"id": foreign})
		unknown := e.do(access.RolePartner, m, map[string]any{"id": "off-gibt-es-nicht"})
		if len(got.Errors) != 1 || len(unknown.Errors) != 1 || got.Errors[0].Message != unknown.Errors[0].Message ||
			!slices.Equal(codes(got), codes(unknown)) {
			t.Errorf("%s: foreign %+v, unknown %+v", m, got.Errors, unknown.Errors)
		}
	}
}
