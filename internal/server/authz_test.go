package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/store"
)

var allRoles = []access.Role{access.RolePublic, access.RolePartner, access.RoleCaseManager, access.RoleSteering, access.RoleAdmin}

// Who may call what; the policy of internal/access/policy.go.
var (
	everyone      = allRoles
	caseWork      = []access.Role{access.RoleCaseManager, access.RoleSteering, access.RoleAdmin}
	reportReaders = []access.Role{access.RoleCaseManager, access.RoleSteering, access.RoleAdmin}
	editors       = []access.Role{access.RoleSteering, access.RoleAdmin}
	ownOrg        = []access.Role{access.RolePartner, access.RoleSteering, access.RoleAdmin}
	adminOnly     = []access.Role{access.RoleAdmin}
	// Referrals: the sending organisation's case management and the receiving provider only.
	referralParties = []access.Role{access.RolePartner, access.RoleCaseManager}
	caseManagers    = []access.Role{access.RoleCaseManager}
	partners        = []access.Role{access.RolePartner}
)

// authzCase is one operation run by every role. setup (run as ADMIN, before
// each role's attempt) returns the variables; the partner's own
// organisation is the target wherever the policy has "own organisation".
type authzCase struct {
	field   string // the root field this case covers
	name    string
	query   string
	allowed []access.Role
	setup   func(e *env, role access.Role, n int) map[string]any
}

func authzCases() []authzCase {
	client := map[string]any{"needs": []string{"LANGUAGE", "WORK"}, "languages": []string{"ar"}}
	return []authzCase{
		{field: "organisation", query: `query($id: ID!) { organisation(id: $id) { id name offers { id } partners { organisation { id } } } }`, allowed: everyone,
			setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"id": partnerOrg(e.snap)} }},
		{field: "organisations", query: `{ organisations(first: 5) { totalCount edges { node { id } } } }`, allowed: everyone},
		{field: "offer", query: `query($id: ID!) { offer(id: $id) { id title provider { id } } }`, allowed: everyone,
			setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"id": e.snap.Offers[0].ID} }},
		{field: "offers", query: `{ offers(first: 5, filter: {needs: [LANGUAGE]}) { totalCount edges { node { id } } } }`, allowed: everyone},
		{field: "districts", query: `{ districts { id name } }`, allowed: everyone},
		{field: "municipalities", query: `{ municipalities }`, allowed: everyone},
		{field: "matchOffers", query: `query($c: ClientProfile!) { matchOffers(client: $c, first: 3) { score offer { id } } }`, allowed: everyone,
			setup: func(e *env, _ access.Role, _ int) map[string]any {
				c := clone(client)
				c["districtId"] = e.snap.Districts[0].ID
				return map[string]any{"c": c}
			}},
		{field: "network", query: `query($id: ID!) { network(organisationId: $id, depth: 2) { nodes { id } edges { source target } } }`, allowed: everyone,
			setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"id": partnerOrg(e.snap)} }},
		{field: "me", query: `{ me { role name } }`, allowed: everyone},
		{field: "languages", query: `{ languages { code name } }`, allowed: everyone},
		{field: "node", query: `query($id: ID!) { node(id: $id) { id ... on Organisation { name } } }`, allowed: everyone,
			setup: func(e *env, _ access.Role, _ int) map[string]any {
				return map[string]any{"id": relay.Global(relay.TypeOrganisation, partnerOrg(e.snap))}
			}},
		{field: "node", name: "node of an audit entry", query: `query($id: ID!) { node(id: $id) { id ... on AuditEntry { action } } }`, allowed: adminOnly,
			setup: func(e *env, _ access.Role, n int) map[string]any {
				e.newOrganisation(fmt.Sprintf("org-node-%d", n))
				var d struct {
					AuditLog struct {
						Edges []struct{ Node struct{ ID string } }
					}
				}
				e.ok(access.RoleAdmin, `{ auditLog(first: 1) { edges { node { id } } } }`, nil, &d)
				return map[string]any{"id": relay.Global(relay.TypeAuditEntry, d.AuditLog.Edges[0].Node.ID)}
			}},
		{field: "nodes", query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, allowed: everyone,
			setup: func(e *env, _ access.Role, _ int) map[string]any {
				return map[string]any{"ids": []string{relay.Global(relay.TypeOffer, e.snap.Offers[0].ID), relay.Global(relay.TypeDistrict, e.snap.Districts[0].ID)}}
			}},
		{field: "carePlan", name: "carePlan", query: `query($c: ClientProfile!) { carePlan(client: $c) { coveredNeeds uncoveredNeeds } }`, allowed: caseWork,
			setup: func(e *env, _ access.Role, _ int) map[string]any {
				c := clone(client)
				c["districtId"] = e.snap.Districts[0].ID
				return map[string]any{"c": c}
			}},
		{field: "carePlan", name: "carePlan record", query: `query($c: ClientProfile!) { carePlan(client: $c, record: true) { uncoveredNeeds recordedUnmetNeeds { id } } }`, allowed: caseWork,
			setup: func(e *env, _ access.Role, _ int) map[string]any {
				c := clone(client)
				c["districtId"] = e.snap.Districts[0].ID
				c["needs"] = []string{"HOUSING", "RESIDENCE"}
				return map[string]any{"c": c}
			}},
		{field: "gapReport", query: `{ gapReport(municipality: "Solingen") { cells { need level suppressed } } }`, allowed: reportReaders},
		{field: "networkReport", query: `{ networkReport(municipality: "Solingen") { organisations cooperations density } }`, allowed: reportReaders},
		{field: "networkGraph", query: `{ networkGraph(municipality: "Solingen") { nodes { id betweenness } } }`, allowed: reportReaders},
		{field: "unmetNeedCounts", query: `{ unmetNeedCounts { need count suppressed } }`, allowed: reportReaders},
		{field: "auditLog", query: `{ auditLog(first: 5) { totalCount edges { cursor node { id action } } } }`, allowed: adminOnly},

		{field: "createOrganisation", query: `mutation($in: CreateOrganisationInput!) { createOrganisation(input: $in) { id } }`, allowed: editors,
			setup: func(e *env, role access.Role, n int) map[string]any {
				return map[string]any{"in": map[string]any{"name": fmt.Sprintf("Verein %s %d", role, n), "kind": "MIGRANT_ORGANISATION"}}
			}},
		{field: "updateOrganisation", query: `mutation($id: ID!, $p: String) { updateOrganisation(id: $id, input: {phone: $p}) { id phone } }`, allowed: ownOrg,
			setup: func(e *env, role access.Role, n int) map[string]any {
				return map[string]any{"id": partnerOrg(e.snap), "p": fmt.Sprintf("0212 %d", n)}
			}},
		{field: "deleteOrganisation", query: `mutation($id: ID!) { deleteOrganisation(id: $id) }`, allowed: editors,
			setup: func(e *env, role access.Role, n int) map[string]any {
				return map[string]any{"id": e.newOrganisation(fmt.Sprintf("org-del-%d", n))}
			}},
		{field: "createOffer", query: `mutation($in: CreateOfferInput!) { createOffer(input: $in) { id } }`, allowed: ownOrg,
			setup: func(e *env, _ access.Role, _ int) map[string]any {
				return map[string]any{"in": validOffer(partnerOrg(e.snap), e.snap.Districts[0].ID)}
			}},
		{field: "updateOffer", query: `mutation($id: ID!, $n: Int) { updateOffer(id: $id, input: {freePlaces: $n}) { id freePlaces } }`, allowed: ownOrg,
			setup: func(e *env, _ access.Role, n int) map[string]any {
				return map[string]any{"id": e.snap.Offers[0].ID, "n": n % 10}
			}},
		{field: "deleteOffer", query: `mutation($id: ID!) { deleteOffer(id: $id) }`, allowed: ownOrg,
			setup: func(e *env, _ access.Role, _ int) map[string]any {
				return map[string]any{"id": e.newOffer(partnerOrg(e.snap))}
			}},
		{field: "addCooperation", query: `mutation($a: ID!, $b: ID!) { addCooperation(input: {a: $a, b: $b, topics: ["Sprache"]}) { a { id } b { id } } }`, allowed: ownOrg,
			setup: func(e *env, _ access.Role, n int) map[string]any {
				return map[string]any{"a": partnerOrg(e.snap), "b": e.newOrganisation(fmt.Sprintf("org-coop-%d", n))}
			}},
		// The partner proposes; the proposer may not confirm, steering may
		// (the other side's partner may too: TestCooperationProposals).
		{field: "confirmCooperation", query: `mutation($a: ID!, $b: ID!) { confirmCooperation(a: $a, b: $b) { status } }`, allowed: editors,
			setup: func(e *env, _ access.Role, n int) map[string]any {
				other := e.newOrganisation(fmt.Sprintf("org-proposed-%d", n))
				e.ok(access.RolePartner, `mutation($a: ID!, $b: ID!) { addCooperation(input: {a: $a, b: $b}) { status } }`,
					map[string]any{"a": partnerOrg(e.snap), "b": other}, nil)
				return map[string]any{"a": other, "b": partnerOrg(e.snap)}
			}},
		{field: "removeCooperation", query: `mutation($a: ID!, $b: ID!) { removeCooperation(a: $a, b: $b) }`, allowed: ownOrg,
			setup: func(e *env, _ access.Role, n int) map[string]any {
				other := e.newOrganisation(fmt.Sprintf("org-uncoop-%d", n))
				e.ok(access.RoleAdmin, `mutation($a: ID!, $b: ID!) { addCooperation(input: {a: $a, b: $b}) { a { id } } }`,
					map[string]any{"a": partnerOrg(e.snap), "b": other}, nil)
				return map[string]any{"a": other, "b": partnerOrg(e.snap)}
			}},
		{field: "referral", query: `query($id: ID!) { referral(id: $id) { id status caseRef } }`, allowed: referralParties,
			setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"id": e.newReferral()} }},
		{field: "referrals", query: `{ referrals(first: 5) { totalCount edges { node { id status } } } }`, allowed: referralParties},
		{field: "referralStats", query: `{ referralStats(municipality: "Solingen", groupBy: PROVIDER) { total { sent suppressed } } }`, allowed: reportReaders},
		{field: "createReferral", query: `mutation($in: CreateReferralInput!) { createReferral(input: $in) { id status } }`, allowed: caseManagers,
			setup: func(e *env, _ access.Role, n int) map[string]any { return map[string]any{"in": e.referralInput(n)} }},
		{field: "updateReferralStatus", name: "updateReferralStatus accept", query: `mutation($id: ID!) { updateReferralStatus(id: $id, status: ACCEPTED) { id status } }`,
			allowed: partners, setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"id": e.newReferral()} }},
		{field: "updateReferralStatus", name: "updateReferralStatus cancel", query: `mutation($id: ID!) { updateReferralStatus(id: $id, status: CANCELLED, reason: CLIENT_DECLINED) { id status } }`,
			allowed: caseManagers, setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"id": e.newReferral()} }},
		{field: "withdrawConsent", query: `mutation($id: ID!) { withdrawConsent(id: $id) { id status caseRef } }`, allowed: caseManagers,
			setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"id": e.newReferral()} }},
		{field: "recordUnmetNeed", query: `mutation($d: ID!) { recordUnmetNeed(input: {need: HOUSING, districtId: $d, language: "ar"}) { id need } }`, allowed: caseWork,
			setup: func(e *env, _ access.Role, _ int) map[string]any { return map[string]any{"d": e.snap.Districts[0].ID} }},
	}
}

func clone(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// newOrganisation creates an organisation as ADMIN and returns its id.
func (e *env) newOrganisation(id string) string {
	e.t.Helper()
	e.ok(access.RoleAdmin, `mutation($in: CreateOrganisationInput!) { createOrganisation(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"id": id, "name": "Testverein " + id, "kind": "OTHER"}}, nil)
	return id
}

// newOffer creates an offer of provider as ADMIN and returns its id.
func (e *env) newOffer(provider string) string {
	e.t.Helper()
	var out struct{ CreateOffer struct{ ID string } }
	e.ok(access.RoleAdmin, createOffer, map[string]any{"in": validOffer(provider, e.snap.Districts[0].ID)}, &out)
	return out.CreateOffer.ID
}

// footprint is what any change leaves behind: the counts, and one audit
// entry per change (so updates show too).
type footprint struct {
	counts store.Counts
	audit  int
}

func (e *env) footprint() footprint {
	e.t.Helper()
	ctx := context.Background()
	c, err := e.store.Counts(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	a, err := e.store.AuditLog(ctx, store.AuditFilter{}, store.Page{First: 0})
	if err != nil {
		e.t.Fatal(err)
	}
	return footprint{c, a.TotalCount}
}

// rootFields lists the query and mutation fields of the served schema, and
// which of them are mutations.
func (e *env) rootFields() ([]string, map[string]bool) {
	e.t.Helper()
	var s struct {
		Schema struct {
			QueryType    struct{ Fields []struct{ Name string } }
			MutationType struct{ Fields []struct{ Name string } }
		} `json:"__schema"`
	}
	e.ok(access.RolePublic, `{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`, nil, &s)
	var out []string
	mutations := map[string]bool{}
	for _, f := range s.Schema.QueryType.Fields {
		out = append(out, f.Name)
	}
	for _, f := range s.Schema.MutationType.Fields {
		out = append(out, f.Name)
		mutations[f.Name] = true
	}
	sort.Strings(out)
	return out, mutations
}

// TestEveryOperationWithEveryRole runs every root field of the schema as
// every role and checks the policy: allowed roles get an answer without
// errors, refused ones UNAUTHENTICATED (anonymous) or FORBIDDEN and change
// nothing; every allowed mutation leaves one audit entry. A root field
// without a case fails the test.
func TestEveryOperationWithEveryRole(t *testing.T) {
	e := newEnv(t)
	cases := authzCases()
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.field] = true
	}
	fields, mutations := e.rootFields()
	for _, f := range fields {
		if !covered[f] {
			t.Errorf("root field %s has no row in the authorization table (authz_test.go): add one with its policy", f)
		}
	}
	n := 0
	for _, c := range cases {
		name := c.name
		if name == "" {
			name = c.field
		}
		for _, role := range allRoles {
			t.Run(name+"/"+string(role), func(t *testing.T) {
				e.t = t
				defer func() { e.t = nil }()
				n++
				var vars map[string]any
				if c.setup != nil {
					vars = c.setup(e, role, n)
				}
				before := e.footprint()
				r := e.do(role, c.query, vars)
				got := codes(r)
				if slices.Contains(c.allowed, role) {
					if len(r.Errors) > 0 {
						t.Errorf("%s may %s, got errors %v: %s", role, c.field, got, r.Errors[0].Message)
					}
					if after := e.footprint(); mutations[c.field] && len(r.Errors) == 0 && after.audit != before.audit+1 {
						t.Errorf("%s by %s left %d audit entries, want 1", c.field, role, after.audit-before.audit)
					}
					return
				}
				want := "FORBIDDEN"
				if role == access.RolePublic {
					want = "UNAUTHENTICATED"
				}
				if !slices.Equal(got, []string{want}) {
					t.Errorf("%s must not %s: got %v, want [%s]", role, c.field, got, want)
				}
				if string(r.Data) != "null" && strings.Contains(string(r.Data), `"id"`) {
					t.Errorf("a refused %s returned data: %s", c.field, r.Data)
				}
				if after := e.footprint(); after != before {
					t.Errorf("a refused %s changed the store: %+v → %+v", c.field, before, after)
				}
			})
		}
	}
}

type offerState struct {
	Offer *struct {
		ID         string
		Title      string
		FreePlaces *int `json:"freePlaces"`
		Provider   struct{ ID string }
	}
}

func (e *env) offerState(id string) offerState {
	e.t.Helper()
	var s offerState
	e.ok(access.RolePublic, `query($id: ID!) { offer(id: $id) { id title freePlaces provider { id } } }`, map[string]any{"id": id}, &s)
	return s
}

func TestPartnerChangesOnlyItsOwnOrganisation(t *testing.T) {
	e := newEnv(t)
	own := partnerOrg(e.snap)
	var ownOffer, otherOffer, otherOrg string
	for _, o := range e.snap.Offers {
		switch {
		case o.ProviderID == own && ownOffer == "":
			ownOffer = o.ID
		case o.ProviderID != own && otherOffer == "":
			otherOffer, otherOrg = o.ID, o.ProviderID
		}
	}
	if ownOffer == "" || otherOffer == "" {
		t.Fatal("demo data lacks offers of the partner and of others")
	}
	forbidden := func(what string, r gqlResponse) {
		t.Helper()
		if got := codes(r); !slices.Equal(got, []string{"FORBIDDEN"}) {
			t.Errorf("%s: %v, want [FORBIDDEN]", what, got)
		}
	}

	before, stateBefore := e.footprint(), e.offerState(otherOffer)
	forbidden("update another organisation's offer", e.do(access.RolePartner,
		`mutation($id: ID!) { updateOffer(id: $id, input: {freePlaces: 0, title: "übernommen"}) { id } }`, map[string]any{"id": otherOffer}))
	forbidden("delete another organisation's offer", e.do(access.RolePartner,
		`mutation($id: ID!) { deleteOffer(id: $id) }`, map[string]any{"id": otherOffer}))
	forbidden("move its own offer to another organisation", e.do(access.RolePartner,
		`mutation($id: ID!, $p: ID!) { updateOffer(id: $id, input: {providerId: $p}) { id } }`, map[string]any{"id": ownOffer, "p": otherOrg}))
	forbidden("create an offer for another organisation", e.do(access.RolePartner, createOffer,
		map[string]any{"in": validOffer(otherOrg, e.snap.Districts[0].ID)}))
	forbidden("update another organisation", e.do(access.RolePartner,
		`mutation($id: ID!) { updateOrganisation(id: $id, input: {phone: "0"}) { id } }`, map[string]any{"id": otherOrg}))
	third := ""
	for _, o := range e.snap.Organisations {
		if o.ID != own && o.ID != otherOrg {
			third = o.ID
			break
		}
	}
	forbidden("add a cooperation between two others", e.do(access.RolePartner,
		`mutation($a: ID!, $b: ID!) { addCooperation(input: {a: $a, b: $b}) { a { id } } }`, map[string]any{"a": otherOrg, "b": third}))
	forbidden("update an offer that does not exist", e.do(access.RolePartner,
		`mutation { updateOffer(id: "off-nowhere", input: {freePlaces: 1}) { id } }`, nil))
	if after := e.footprint(); after != before {
		t.Errorf("refused partner changes changed the store: %+v → %+v", before, after)
	}
	if after := e.offerState(otherOffer); after.Offer == nil || stateBefore.Offer == nil || after.Offer.Title != stateBefore.Offer.Title ||
		fmt.Sprint(after.Offer.FreePlaces != nil, intOf(after.Offer.FreePlaces)) != fmt.Sprint(stateBefore.Offer.FreePlaces != nil, intOf(stateBefore.Offer.FreePlaces)) {
		t.Errorf("the other organisation's offer changed: %+v → %+v", stateBefore.Offer, after.Offer)
	}

	// Its own offer: allowed, and it shows.
	e.ok(access.RolePartner, `mutation($id: ID!) { updateOffer(id: $id, input: {freePlaces: 7}) { id } }`, map[string]any{"id": ownOffer}, nil)
	if s := e.offerState(ownOffer); s.Offer == nil || s.Offer.FreePlaces == nil || *s.Offer.FreePlaces != 7 {
		t.Errorf("own offer after update: %+v", s.Offer)
	}
	e.ok(access.RolePartner, `mutation($id: ID!) { deleteOffer(id: $id) }`, map[string]any{"id": ownOffer}, nil)
	if s := e.offerState(ownOffer); s.Offer != nil {
		t.Errorf("own offer still there after delete: %+v", s.Offer)
	}
}

func TestMeTellsRoleOrganisationAndTokenName(t *testing.T) {
	e := newEnv(t)
	for _, role := range allRoles {
		var out struct {
			Me struct {
				Role         string
				Name         *string
				Organisation *struct{ ID string }
			}
		}
		e.ok(role, `{ me { role name organisation { id } } }`, nil, &out)
		me := out.Me
		if me.Role != string(role) {
			t.Errorf("%s: role %s", role, me.Role)
		}
		wantName := "test-" + string(role)
		switch {
		case role == access.RolePublic && me.Name != nil:
			t.Errorf("anonymous caller has name %q", *me.Name)
		case role != access.RolePublic && (me.Name == nil || *me.Name != wantName):
			t.Errorf("%s: name %v, want %s", role, me.Name, wantName)
		}
		switch {
		case role == access.RolePartner && (me.Organisation == nil || me.Organisation.ID != partnerOrg(e.snap)):
			t.Errorf("PARTNER organisation %+v, want %s", me.Organisation, partnerOrg(e.snap))
		case role == access.RoleCaseManager && (me.Organisation == nil || me.Organisation.ID != caseOrg(e.snap)):
			t.Errorf("CASE_MANAGER organisation %+v, want %s", me.Organisation, caseOrg(e.snap))
		case role != access.RolePartner && role != access.RoleCaseManager && me.Organisation != nil:
			t.Errorf("%s has organisation %+v", role, me.Organisation)
		}
	}
}

func TestRevokedTokenIsRefused(t *testing.T) {
	e := newEnv(t)
	e.ok(access.RoleSteering, `{ me { role } }`, nil, nil)
	if err := e.store.RevokeToken(t.Context(), "tok-steering", time.Now()); err != nil {
		t.Fatal(err)
	}
	r := e.do(access.RoleSteering, `{ me { role } }`, nil)
	if r.Status != 401 || !slices.Equal(codes(r), []string{"UNAUTHENTICATED"}) || !strings.Contains(r.Errors[0].Message, "revoked") {
		t.Errorf("revoked token: status %d, errors %+v", r.Status, r.Errors)
	}
}

type auditPage struct {
	AuditLog struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage bool
			EndCursor   string
		}
		Edges []struct {
			Cursor string
			Node   struct {
				ID, ActorID, ActorName, Role, Action, EntityType, EntityID string
				At                                                         time.Time
				Changes                                                    []struct {
					Field    string
					Old, New *string
				}
			}
		}
	} `json:"auditLog"`
}

const auditQuery = `query($f: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id at actorId actorName role action entityType entityId changes { field old new } } }
  }
}`

func TestAuditLogRecordsEveryMutation(t *testing.T) {
	e := newEnv(t)
	offer := e.snap.Offers[0].ID
	e.ok(access.RolePartner, `mutation($id: ID!) { updateOffer(id: $id, input: {freePlaces: 1}) { id } }`, map[string]any{"id": offer}, nil)
	e.ok(access.RoleSteering, `mutation($id: ID!) { updateOffer(id: $id, input: {freePlaces: 2, title: "Neu"}) { id } }`, map[string]any{"id": offer}, nil)
	// A refused change leaves no entry.
	e.do(access.RoleCaseManager, `mutation($id: ID!) { updateOffer(id: $id, input: {freePlaces: 3}) { id } }`, map[string]any{"id": offer})

	var p auditPage
	e.ok(access.RoleAdmin, auditQuery, map[string]any{"f": map[string]any{"entityId": offer}, "first": 10}, &p)
	if p.AuditLog.TotalCount != 2 || len(p.AuditLog.Edges) != 2 {
		t.Fatalf("audit entries of %s: %d (totalCount %d), want 2", offer, len(p.AuditLog.Edges), p.AuditLog.TotalCount)
	}
	newest, older := p.AuditLog.Edges[0].Node, p.AuditLog.Edges[1].Node
	if newest.ActorID != "tok-steering" || newest.ActorName != "test-STEERING" || newest.Role != "STEERING" ||
		newest.Action != "updateOffer" || newest.EntityType != "Offer" || older.ActorID != "tok-partner" {
		t.Errorf("entries not newest first or wrong actor: %+v / %+v", newest, older)
	}
	changed := map[string][2]string{}
	for _, c := range newest.Changes {
		changed[c.Field] = [2]string{strOf(c.Old), strOf(c.New)}
	}
	if changed["freePlaces"] != [2]string{"1", "2"} || changed["title"][1] != `"Neu"` || len(changed) != 2 {
		t.Errorf("changes of the newest entry: %v", changed)
	}

	// Paging by cursor.
	var first, second auditPage
	e.ok(access.RoleAdmin, auditQuery, map[string]any{"f": map[string]any{"entityId": offer}, "first": 1}, &first)
	if !first.AuditLog.PageInfo.HasNextPage || len(first.AuditLog.Edges) != 1 {
		t.Fatalf("first page: %+v", first.AuditLog)
	}
	e.ok(access.RoleAdmin, auditQuery, map[string]any{"f": map[string]any{"entityId": offer}, "first": 1, "after": first.AuditLog.PageInfo.EndCursor}, &second)
	if len(second.AuditLog.Edges) != 1 || second.AuditLog.Edges[0].Node.ID != older.ID || second.AuditLog.PageInfo.HasNextPage {
		t.Errorf("second page: %+v", second.AuditLog)
	}

	// Filters: by actor and action.
	var byActor auditPage
	e.ok(access.RoleAdmin, auditQuery, map[string]any{"f": map[string]any{"actorId": "tok-partner", "action": "updateOffer"}}, &byActor)
	if byActor.AuditLog.TotalCount != 1 {
		t.Errorf("entries of tok-partner: %d, want 1", byActor.AuditLog.TotalCount)
	}
	r := e.do(access.RoleAdmin, auditQuery, map[string]any{"first": 100000})
	if got := codes(r); len(got) != 1 {
		t.Errorf("first: 100000 gave %v", got)
	}

	// Old and new values are JSON.
	id := e.newOrganisation("org-audit")
	var created auditPage
	e.ok(access.RoleAdmin, auditQuery, map[string]any{"f": map[string]any{"entityId": id, "action": "createOrganisation"}}, &created)
	if len(created.AuditLog.Edges) != 1 || len(created.AuditLog.Edges[0].Node.Changes) == 0 {
		t.Fatalf("entries of a creation: %+v", created.AuditLog)
	}
	for _, c := range created.AuditLog.Edges[0].Node.Changes {
		if c.New == nil || !json.Valid([]byte(*c.New)) {
			t.Errorf("change %s: new value %v is not JSON", c.Field, c.New)
		}
		if c.Old != nil {
			t.Errorf("change %s of a creation: old value %q, want null", c.Field, *c.Old)
		}
	}
}

func intOf(n *int) int {
	if n == nil {
		return -1
	}
	return *n
}

func strOf(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
