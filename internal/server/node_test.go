package server_test

import (
	"encoding/json"
	"testing"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/access"
)

// global posts a query as role and decodes its data without the harness's
// mapping of global ids to local ones.
func (e *env) global(t *testing.T, role access.Role, query string, vars map[string]any, v any) httpAnswer {
	t.Helper()
	h := jsonHeaders(ctJSON)
	if s := e.tokens[role]; s != "" {
		h["Authorization"] = "Bearer " + s
	}
	a := e.send(t, "POST", "", body(query, vars), h)
	if v != nil {
		if err := json.Unmarshal(a.members["data"], v); err != nil {
			t.Fatalf("decode data: %v (errors %+v)", err, a.errors)
		}
	}
	return a
}

// TestNodeRefetchesEveryNodeType: the id of an organisation, offer, district
// and audit entry is a global id; node(id:) returns the same object.
func TestNodeRefetchesEveryNodeType(t *testing.T) {
	e := newEnv(t)
	e.newOrganisation("org-node-test") // makes an audit entry
	var d struct {
		Offers struct {
			Edges []struct {
				Node struct{ ID, LocalID, Title string }
			}
		}
		Organisations struct {
			Edges []struct {
				Node struct{ ID, LocalID, Name string }
			}
		}
		Districts []struct{ ID, LocalID, Name string }
		AuditLog  struct {
			Edges []struct {
				Node struct{ ID, LocalID, Action string }
			}
		}
	}
	a := e.global(t, access.RoleAdmin, `{
		offers(first: 3) { edges { node { id localId title } } }
		organisations(first: 3) { edges { node { id localId name } } }
		districts(municipality: "Solingen") { id localId name }
		auditLog(first: 1) { edges { node { id localId action } } }
	}`, nil, &d)
	if len(a.errors) > 0 || len(d.Offers.Edges) == 0 || len(d.Organisations.Edges) == 0 || len(d.Districts) == 0 || len(d.AuditLog.Edges) == 0 {
		t.Fatalf("listing failed: %+v", a.errors)
	}
	type obj struct{ typ, id, local, label string }
	var objs []obj
	for _, x := range d.Offers.Edges {
		objs = append(objs, obj{relay.TypeOffer, x.Node.ID, x.Node.LocalID, x.Node.Title})
	}
	for _, x := range d.Organisations.Edges {
		objs = append(objs, obj{relay.TypeOrganisation, x.Node.ID, x.Node.LocalID, x.Node.Name})
	}
	for _, x := range d.Districts {
		objs = append(objs, obj{relay.TypeDistrict, x.ID, x.LocalID, x.Name})
	}
	objs = append(objs, obj{relay.TypeAuditEntry, d.AuditLog.Edges[0].Node.ID, d.AuditLog.Edges[0].Node.LocalID, d.AuditLog.Edges[0].Node.Action})

	seen := map[string]bool{}
	for _, o := range objs {
		if o.id != relay.Global(o.typ, o.local) || seen[o.id] {
			t.Errorf("%s %s: id %q is not its global id (or repeats)", o.typ, o.local, o.id)
		}
		seen[o.id] = true
		var n struct {
			Node *struct {
				Typename string `json:"__typename"`
				ID       string
				LocalID  string
				Title    string
				Name     string
				Action   string
			}
		}
		a := e.global(t, access.RoleAdmin, `query($id: ID!) { node(id: $id) { __typename id
			... on Offer { localId title } ... on Organisation { localId name }
			... on District { localId name } ... on AuditEntry { localId action } } }`, map[string]any{"id": o.id}, &n)
		if n.Node == nil {
			t.Fatalf("node(%s) of %s %s: null (errors %+v)", o.id, o.typ, o.local, a.errors)
		}
		label := n.Node.Title + n.Node.Name + n.Node.Action
		if n.Node.Typename != o.typ || n.Node.ID != o.id || n.Node.LocalID != o.local || label != o.label {
			t.Errorf("node(%s) = %+v, want %s %s %q", o.id, *n.Node, o.typ, o.local, o.label)
		}
	}

	// nodes keeps the order and answers null for what does not exist.
	var ns struct {
		Nodes []*struct{ ID string }
	}
	ids := []string{objs[1].id, relay.Global(relay.TypeOffer, "no-such-offer"), objs[0].id}
	e.global(t, access.RolePublic, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": ids}, &ns)
	if len(ns.Nodes) != 3 || ns.Nodes[0] == nil || ns.Nodes[0].ID != ids[0] || ns.Nodes[1] != nil || ns.Nodes[2] == nil || ns.Nodes[2].ID != ids[2] {
		t.Errorf("nodes(%v) = %+v", ids, ns.Nodes)
	}
}

func TestNodeRefusals(t *testing.T) {
	e := newEnv(t)
	// A local id is not a global id: a clear error naming the argument.
	r := e.do(access.RolePublic, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": e.snap.Offers[0].ID})
	if got := codes(r); len(got) != 1 || got[0] != "BAD_USER_INPUT id" {
		t.Errorf("node(local id): %v, want BAD_USER_INPUT id", got)
	}
	many := make([]string, 101)
	for i := range many {
		many[i] = relay.Global(relay.TypeOffer, e.snap.Offers[0].ID)
	}
	r = e.do(access.RolePublic, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": many})
	if got := codes(r); len(got) != 1 || got[0] != "BAD_USER_INPUT ids" {
		t.Errorf("nodes(101 ids): %v, want BAD_USER_INPUT ids", got)
	}
	// Audit entries keep their rule: ADMIN only.
	e.newOrganisation("org-audit")
	var d struct {
		AuditLog struct {
			Edges []struct{ Node struct{ ID string } }
		}
	}
	e.global(t, access.RoleAdmin, `{ auditLog(first: 1) { edges { node { id } } } }`, nil, &d)
	for role, want := range map[access.Role]string{access.RolePublic: "UNAUTHENTICATED", access.RoleSteering: "FORBIDDEN"} {
		r := e.do(role, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": d.AuditLog.Edges[0].Node.ID})
		if got := codes(r); len(got) != 1 || got[0] != want {
			t.Errorf("node(audit entry) as %s: %v, want %s", role, got, want)
		}
	}
}

// TestOldAndGlobalIdsAreAcceptedAlike: every ID argument takes the global id
// and the local id of before.
func TestOldAndGlobalIdsAreAcceptedAlike(t *testing.T) {
	e := newEnv(t)
	off := e.snap.Offers[0]
	for _, id := range []string{off.ID, relay.Global(relay.TypeOffer, off.ID)} {
		var d struct{ Offer *struct{ Title string } }
		e.global(t, access.RolePublic, `query($id: ID!) { offer(id: $id) { title } }`, map[string]any{"id": id}, &d)
		if d.Offer == nil || d.Offer.Title != off.Title {
			t.Errorf("offer(id: %q) = %+v, want %q", id, d.Offer, off.Title)
		}
		var f struct{ Offers struct{ TotalCount int } }
		e.global(t, access.RolePublic, `query($d: ID!, $o: ID!) { offers(filter: {districtIds: [$d], organisationIds: [$o]}) { totalCount } }`,
			map[string]any{"d": relay.Global(relay.TypeDistrict, off.DistrictID), "o": relay.Global(relay.TypeOrganisation, off.ProviderID)}, &f)
		if f.Offers.TotalCount == 0 {
			t.Errorf("filter by global district and organisation ids found nothing")
		}
	}
	// A mutation with a global provider id stores the local one.
	in := validOffer(relay.Global(relay.TypeOrganisation, partnerOrg(e.snap)), relay.Global(relay.TypeDistrict, e.snap.Districts[0].ID))
	var c struct {
		CreateOffer struct {
			ID, LocalID string
			Provider    struct{ LocalID string }
		}
	}
	a := e.global(t, access.RoleAdmin, `mutation($in: CreateOfferInput!) { createOffer(input: $in) { id localId provider { localId } } }`, map[string]any{"in": in}, &c)
	if len(a.errors) > 0 || c.CreateOffer.Provider.LocalID != partnerOrg(e.snap) || c.CreateOffer.ID != relay.Global(relay.TypeOffer, c.CreateOffer.LocalID) {
		t.Errorf("createOffer with global ids: %+v, errors %+v", c.CreateOffer, a.errors)
	}
}

// TestNodeOfAReferral: a referral is a Node too, seen through node(id:) by
// its two sides only, like referral(id:).
func TestNodeOfAReferral(t *testing.T) {
	e := newEnv(t)
	local := e.newReferral()
	id := relay.Global(relay.TypeReferral, local)
	for role, visible := range map[access.Role]bool{
		access.RoleCaseManager: true, access.RolePartner: true, access.RoleSteering: false, access.RolePublic: false,
	} {
		var d struct {
			Node *struct {
				ID      string
				LocalID string
			}
		}
		a := e.global(t, role, `query($id: ID!) { node(id: $id) { id ... on Referral { localId } } }`, map[string]any{"id": id}, &d)
		switch {
		case visible && (d.Node == nil || d.Node.ID != id || d.Node.LocalID != local):
			t.Errorf("%s: node(referral) = %+v, errors %+v; want the referral", role, d.Node, a.errors)
		case !visible && d.Node != nil:
			t.Errorf("%s sees a referral it neither sent nor received", role)
		}
	}
}
