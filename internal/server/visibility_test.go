package server_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/access"
)

// hiddenOrg is a PROFESSIONAL organisation with a public offer, a public
// part, a confirmed cooperation with the partner's organisation and a
// public organisation reachable only through it.
type hiddenOrg struct {
	id, offer, part, behind string
}

const hiddenOfferTitle = "Fachstellenberatung Zwangsverheiratung"

func (e *env) newHiddenOrg() hiddenOrg {
	e.t.Helper()
	h := hiddenOrg{id: "org-fachstelle", offer: "off-fachstelle", part: "org-teilbereich", behind: "org-nurdahinter"}
	e.ok(access.RoleSteering, `mutation($id: ID!, $part: ID!, $behind: ID!) {
		a: createOrganisation(input: {id: $id, name: "Fachstelle Gewaltschutz", kind: OTHER, visibility: PROFESSIONAL}) { localId }
		b: createOrganisation(input: {id: $part, name: "Teilbereich Beratung", kind: OTHER, parentId: $id}) { localId }
		c: createOrganisation(input: {id: $behind, name: "Nur-dahinter e.V.", kind: OTHER}) { localId } }`,
		map[string]any{"id": h.id, "part": h.part, "behind": h.behind}, nil)
	e.ok(access.RoleSteering, `mutation($in: CreateOfferInput!) { createOffer(input: $in) { localId } }`, map[string]any{"in": map[string]any{
		"id": h.offer, "providerId": h.id, "title": hiddenOfferTitle, "category": "SOCIAL_COUNSELLING", "needs": []string{"FAMILY_CHILDCARE"},
		"targetGroups": []string{"WOMEN"}, "languages": []string{"de"}, "location": map[string]any{"lat": 51.1650, "lon": 7.0670},
		"districtId": e.snap.Districts[0].ID}}, nil)
	e.ok(access.RoleSteering, `mutation($a: ID!, $b: ID!, $c: ID!) {
		x: addCooperation(input: {a: $a, b: $b}) { status }
		y: addCooperation(input: {a: $a, b: $c}) { status } }`,
		map[string]any{"a": h.id, "b": partnerOrg(e.snap), "c": h.behind}, nil)
	return h
}

// A PROFESSIONAL organisation does not exist for anonymous readers and
// other organisations' partners, by any path: organisation(id), node(id),
// organisations (also by parentId), its offers by every search and by
// node, offer.provider, partners, parent, network (also what lies only
// behind it), and a partner's cooperation mutations answer as for an
// unknown id. Case management, steering and admin see all of it.
func TestProfessionalOrganisationIsHidden(t *testing.T) {
	e := newEnv(t)
	h := e.newHiddenOrg()
	own := partnerOrg(e.snap)
	queries := []struct {
		name  string
		query string
		vars  map[string]any
	}{
		{"organisation", `query($id: ID!) { organisation(id: $id) { localId name } }`, map[string]any{"id": h.id}},
		{"node organisation", `query($id: ID!) { node(id: $id) { id ... on Organisation { name } } }`, map[string]any{"id": relay.Global(relay.TypeOrganisation, h.id)}},
		{"organisations by text", `{ organisations(filter: {text: "Fachstelle"}) { totalCount edges { node { localId } } } }`, nil},
		{"organisations by parent", `query($id: ID!) { organisations(filter: {parentId: $id}) { totalCount edges { node { localId } } } }`, map[string]any{"id": h.id}},
		{"organisations all", `{ organisations(first: 500) { edges { node { localId } } } }`, nil},
		{"offer", `query($id: ID!) { offer(id: $id) { localId provider { localId } } }`, map[string]any{"id": h.offer}},
		{"node offer", `query($id: ID!) { node(id: $id) { id ... on Offer { title } } }`, map[string]any{"id": relay.Global(relay.TypeOffer, h.offer)}},
		{"offers by text", `{ offers(filter: {text: "Zwangsverheiratung"}) { totalCount edges { node { localId provider { localId } } } } }`, nil},
		{"offers by provider", `query($id: ID!) { offers(filter: {organisationIds: [$id]}) { totalCount edges { node { localId } } } }`, map[string]any{"id": h.id}},
		{"offers near", `{ offers(filter: {near: {lat: 51.165, lon: 7.067, radiusKm: 0.5}}, orderBy: DISTANCE) { totalCount edges { node { localId provider { localId } } } } }`, nil},
		{"matchOffers", `{ matchOffers(client: {needs: [FAMILY_CHILDCARE], location: {lat: 51.165, lon: 7.067}, maxDistanceKm: 1}, first: 50) { offer { localId provider { localId } } } }`, nil},
		{"partners", `query($id: ID!) { organisation(id: $id) { partners { organisation { localId } } } }`, map[string]any{"id": own}},
		{"parent", `query($id: ID!) { organisation(id: $id) { localId parent { localId } } }`, map[string]any{"id": h.part}},
		{"network around the partner", `query($id: ID!) { network(organisationId: $id, depth: 3) { nodes { organisation { localId } } edges { source target } } }`, map[string]any{"id": own}},
		{"network behind", `query($id: ID!) { network(organisationId: $id, depth: 1) { nodes { organisation { localId } } edges { source target } } }`, map[string]any{"id": h.behind}},
	}
	leaks := func(body string) bool {
		return strings.Contains(body, h.id) || strings.Contains(body, h.offer) || strings.Contains(body, "Fachstelle") ||
			strings.Contains(body, relay.Global(relay.TypeOrganisation, h.id)) || strings.Contains(body, relay.Global(relay.TypeOffer, h.offer))
	}
	for _, role := range allRoles {
		sees := role != access.RolePublic && role != access.RolePartner
		for _, q := range queries {
			r := e.do(role, q.query, q.vars)
			if len(r.Errors) > 0 {
				t.Fatalf("%s as %s: %+v", q.name, role, r.Errors)
			}
			body := string(r.Data)
			switch {
			case q.name == "network around the partner" && !sees && strings.Contains(body, h.behind):
				t.Errorf("%s as %s shows what lies only behind the hidden organisation: %s", q.name, role, body)
			case q.name == "organisations by parent" || q.name == "parent" || q.name == "network behind":
				// Their own records are public; only the link must not show.
				if !sees && leaks(body) {
					t.Errorf("%s as %s betrays the hidden organisation: %s", q.name, role, body)
				}
				if !sees && q.name == "organisations by parent" && !strings.Contains(body, `"totalCount":0`) {
					t.Errorf("%s as %s lists the parts of a hidden organisation: %s", q.name, role, body)
				}
			case leaks(body) == !sees:
				t.Errorf("%s as %s: shown %v, want %v: %s", q.name, role, leaks(body), sees, body)
			}
		}
	}

	// network(organisationId:) of a hidden organisation reads as unknown.
	unknown := e.do(access.RolePublic, `{ network(organisationId: "org-gibt-es-nicht", depth: 1) { nodes { id } } }`, nil)
	hidden := e.do(access.RolePublic, `query($id: ID!) { network(organisationId: $id, depth: 1) { nodes { id } } }`, map[string]any{"id": h.id})
	if !slices.Equal(codes(unknown), []string{"NOT_FOUND organisationId"}) || !slices.Equal(codes(hidden), codes(unknown)) {
		t.Errorf("network of a hidden organisation: %+v; of an unknown one: %+v", hidden.Errors, unknown.Errors)
	}
	// A partner's cooperation mutations with the hidden organisation answer
	// as for an unknown id and change nothing.
	for _, m := range []string{
		`mutation($a: ID!, $b: ID!) { addCooperation(input: {a: $a, b: $b}) { status } }`,
		`mutation($a: ID!, $b: ID!) { removeCooperation(a: $a, b: $b) }`,
		`mutation($a: ID!, $b: ID!) { confirmCooperation(a: $a, b: $b) { status } }`,
	} {
		before := e.footprint()
		got := e.do(access.RolePartner, m, map[string]any{"a": own, "b": h.id})
		want := e.do(access.RolePartner, m, map[string]any{"a": own, "b": "org-gibt-es-nicht"})
		if len(got.Errors) != 1 || len(want.Errors) != 1 || !slices.Equal(codes(got), codes(want)) ||
			strings.ReplaceAll(got.Errors[0].Message, h.id, "X") != strings.ReplaceAll(want.Errors[0].Message, "org-gibt-es-nicht", "X") {
			t.Errorf("%s with the hidden organisation: %+v; with an unknown one: %+v", m, got.Errors, want.Errors)
		}
		if e.footprint() != before {
			t.Errorf("%s changed the store", m)
		}
	}
}

// The organisation's own partner sees its PROFESSIONAL organisation and
// offers; anonymous readers see neither. Visibility reads back, and a
// partner may set it on its own organisation.
func TestOwnPartnerSeesItsProfessionalOrganisation(t *testing.T) {
	e := newEnv(t)
	own := partnerOrg(e.snap)
	var set struct {
		UpdateOrganisation struct{ Visibility string }
	}
	e.ok(access.RolePartner, `mutation($id: ID!) { updateOrganisation(id: $id, input: {visibility: PROFESSIONAL}) { visibility } }`, map[string]any{"id": own}, &set)
	if set.UpdateOrganisation.Visibility != "PROFESSIONAL" {
		t.Fatalf("updateOrganisation answered %+v", set)
	}
	var offer string
	for _, o := range e.snap.Offers {
		if o.ProviderID == own {
			offer = o.ID
			break
		}
	}
	for _, role := range allRoles {
		var got struct {
			Organisation *struct {
				Visibility string
				Offers     []struct{ LocalID string }
			}
			Offer *struct{ LocalID string }
			Me    struct{ Organisation *struct{ LocalID string } }
		}
		e.ok(role, `query($id: ID!, $offer: ID!) { organisation(id: $id) { visibility offers { localId } } offer(id: $offer) { localId }
			me { organisation { localId } } }`, map[string]any{"id": own, "offer": offer}, &got)
		sees := role != access.RolePublic
		if (got.Organisation != nil) != sees || (got.Offer != nil) != sees {
			t.Errorf("%s: organisation %+v, offer %+v; want seen %v", role, got.Organisation, got.Offer, sees)
		}
		if got.Organisation != nil && (got.Organisation.Visibility != "PROFESSIONAL" || len(got.Organisation.Offers) == 0) {
			t.Errorf("%s: %+v", role, got.Organisation)
		}
		if role == access.RolePartner && (got.Me.Organisation == nil || got.Me.Organisation.LocalID != own) {
			t.Errorf("the partner's me.organisation is %+v", got.Me.Organisation)
		}
	}
	var total struct{ Offers struct{ TotalCount int } }
	e.ok(access.RolePublic, `query($id: ID!) { offers(filter: {organisationIds: [$id]}) { totalCount } }`, map[string]any{"id": own}, &total)
	if total.Offers.TotalCount != 0 {
		t.Errorf("an anonymous search counts %d offers of the hidden organisation", total.Offers.TotalCount)
	}
}

// referralStats names municipalities as every other argument does:
// matched ignoring case, an unknown one NOT_FOUND on municipality (it used
// to answer no groups for "solingen" and for "Atlantis").
func TestReferralStatsMunicipalityLikeEverywhere(t *testing.T) {
	e := newEnv(t)
	e.newReferral()
	const q = `query($m: String) { referralStats(municipality: $m, groupBy: DISTRICT) { municipality total { sent } groups { key } } }`
	var exact, lower struct {
		ReferralStats struct {
			Municipality string
			Total        struct{ Sent *int }
			Groups       []struct{ Key string }
		}
	}
	m := e.snap.Districts[0].Municipality
	e.ok(access.RoleCaseManager, q, map[string]any{"m": m}, &exact)
	e.ok(access.RoleCaseManager, q, map[string]any{"m": strings.ToLower(m)}, &lower)
	if len(exact.ReferralStats.Groups) == 0 || lower.ReferralStats.Municipality != m || len(lower.ReferralStats.Groups) != len(exact.ReferralStats.Groups) {
		t.Errorf("referralStats for %q: %+v; for %q: %+v", m, exact, strings.ToLower(m), lower)
	}
	if got := codes(e.do(access.RoleCaseManager, q, map[string]any{"m": "Atlantis"})); !slices.Equal(got, []string{"NOT_FOUND municipality"}) {
		t.Errorf("referralStats for an unknown municipality: %v", got)
	}
}
