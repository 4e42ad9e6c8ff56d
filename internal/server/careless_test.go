package server_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/server"
)

func TestProductionRefusesWildcardOrigins(t *testing.T) {
	for _, o := range []string{"*", " * ", "https://*", "https://*.solingen.de", "*://dashboard.solingen.de"} {
		if err := (server.Config{Production: true, CORSOrigins: []string{"https://dashboard.solingen.de", o}}).Check(); err == nil {
			t.Errorf("production with origin %q accepted", o)
		}
	}
	if err := (server.Config{Production: true, CORSOrigins: []string{"https://dashboard.solingen.de"}}).Check(); err != nil {
		t.Errorf("named origin refused: %v", err)
	}
	if err := (server.Config{CORSOrigins: []string{"https://*"}}).Check(); err != nil {
		t.Errorf("a development server refused a pattern: %v", err)
	}
}

// Municipality names match ignoring case everywhere, and an unknown one is
// NOT_FOUND everywhere instead of a search that quietly matches nothing.
func TestMunicipalityNames(t *testing.T) {
	e := newEnv(t)
	var ms struct{ Municipalities []string }
	e.ok(access.RolePublic, `{ municipalities }`, nil, &ms)
	if !slices.Equal(ms.Municipalities, []string{"Solingen", "Wuppertal"}) {
		t.Fatalf("municipalities %v", ms.Municipalities)
	}
	count := func(m string) int {
		var out struct{ Offers struct{ TotalCount int } }
		e.ok(access.RolePublic, `query($m: String) { offers(filter: {municipality: $m}) { totalCount } }`, map[string]any{"m": m}, &out)
		return out.Offers.TotalCount
	}
	if n, lower, upper := count("Solingen"), count("solingen"), count("SOLINGEN"); n == 0 || lower != n || upper != n {
		t.Errorf("offers in Solingen %d, solingen %d, SOLINGEN %d", n, lower, upper)
	}
	var ds struct{ Districts []struct{ Name string } }
	e.ok(access.RolePublic, `{ districts(municipality: "wuppertal") { name } }`, nil, &ds)
	if len(ds.Districts) != 10 {
		t.Errorf("%d districts of wuppertal, want 10", len(ds.Districts))
	}
	var gr struct{ GapReport struct{ Municipality string } }
	e.ok(access.RoleSteering, `{ gapReport(municipality: "solingen") { municipality } }`, nil, &gr)
	if gr.GapReport.Municipality != "Solingen" {
		t.Errorf("gap report of %q", gr.GapReport.Municipality)
	}
	for _, c := range []struct {
		role  access.Role
		query string
		field string
	}{
		{access.RolePublic, `{ offers(filter: {municipality: "Atlantis"}) { totalCount } }`, "filter.municipality"},
		{access.RolePublic, `{ organisations(filter: {municipality: "Atlantis"}) { totalCount } }`, "filter.municipality"},
		{access.RolePublic, `{ districts(municipality: "Atlantis") { id } }`, "municipality"},
		{access.RoleSteering, `{ gapReport(municipality: "Atlantis") { municipality } }`, "municipality"},
		{access.RoleSteering, `{ networkReport(municipality: "Atlantis") { organisations } }`, "municipality"},
		{access.RoleSteering, `{ unmetNeedCounts(filter: {municipality: "Atlantis"}) { count } }`, "filter.municipality"},
	} {
		r := e.do(c.role, c.query, nil)
		if got := codes(r); len(got) != 1 || got[0] != "NOT_FOUND "+c.field {
			t.Errorf("%s: errors %v, want NOT_FOUND %s", c.query, got, c.field)
		}
	}
}

// In updates a nullable number is cleared by null and left alone when
// absent; an update that changes nothing records no change.
func TestUpdatesClearNumbersWithNull(t *testing.T) {
	e := newEnv(t)
	id := e.snap.Offers[0].ID
	type offer struct {
		Capacity   *int `json:"capacity"`
		FreePlaces *int `json:"freePlaces"`
		AgeMin     *int `json:"ageMin"`
	}
	update := func(input map[string]any) offer {
		var out struct{ UpdateOffer offer }
		e.ok(access.RoleAdmin, `mutation($id: ID!, $in: UpdateOfferInput!) { updateOffer(id: $id, input: $in) { capacity freePlaces ageMin } }`,
			map[string]any{"id": id, "in": input}, &out)
		return out.UpdateOffer
	}
	got := update(map[string]any{"capacity": 12, "freePlaces": 3, "ageMin": 16})
	if got.Capacity == nil || *got.Capacity != 12 || got.FreePlaces == nil || *got.FreePlaces != 3 {
		t.Fatalf("after setting: %+v", got)
	}
	got = update(map[string]any{"freePlaces": nil})
	if got.FreePlaces != nil || got.Capacity == nil || *got.Capacity != 12 || got.AgeMin == nil || *got.AgeMin != 16 {
		t.Errorf("freePlaces: null must clear it and leave the rest: %+v", got)
	}
	got = update(map[string]any{"ageMin": nil, "capacity": nil})
	if got.AgeMin != nil || got.Capacity != nil {
		t.Errorf("ageMin and capacity not cleared: %+v", got)
	}

	// The same title again: an audit entry without changes.
	var before struct{ Offer struct{ Title string } }
	e.ok(access.RolePublic, `query($id: ID!) { offer(id: $id) { title } }`, map[string]any{"id": id}, &before)
	update(map[string]any{"title": before.Offer.Title})
	var log struct {
		AuditLog struct {
			Edges []struct {
				Node struct {
					Changes []struct{ Field string }
				}
			}
		}
	}
	e.ok(access.RoleAdmin, `query($id: String!) { auditLog(filter: {entityId: $id, action: "updateOffer"}, first: 1) { edges { node { changes { field } } } } }`,
		map[string]any{"id": id}, &log)
	if len(log.AuditLog.Edges) != 1 || len(log.AuditLog.Edges[0].Node.Changes) != 0 {
		t.Errorf("an update that changes nothing recorded %+v", log.AuditLog.Edges)
	}
}

// Transport-level refusals carry extensions.code and never echo the body
// back (a body may hold a token or personal data a log or proxy keeps).
func TestTransportErrorsAreCodedAndEchoNothing(t *testing.T) {
	e := newEnv(t)
	const secret = "geheim-lotse_0123456789"
	for _, c := range []struct {
		name, method, body string
		header             map[string]string
	}{
		{"not JSON", "POST", `{"query": "{ me { role } }", "x": "` + secret + `"`, jsonHeaders("")},
		{"not an object", "POST", `["` + secret + `"]`, jsonHeaders("")},
		{"query not a string", "POST", `{"query": {"` + secret + `": 1}}`, jsonHeaders("")},
		{"variables not an object", "POST", `{"query": "{ me { role } }", "variables": "` + secret + `"}`, jsonHeaders("")},
		{"two JSON values", "POST", `{"query": "{ me { role } }"} {"` + secret + `": 1}`, jsonHeaders("")},
		{"no query", "POST", `{"operationName": "` + secret + `"}`, jsonHeaders("")},
		{"syntax error", "POST", `{"query": "{ me { role ` + secret + `"}`, jsonHeaders("")},
		{"form body", "POST", `query=` + secret, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}},
	} {
		a := e.send(t, c.method, "", c.body, c.header)
		if len(a.errors) == 0 {
			t.Errorf("%s: status %d without errors", c.name, a.status)
			continue
		}
		for _, er := range a.errors {
			if code, _ := er.Extensions["code"].(string); code == "" {
				t.Errorf("%s: error %q has no extensions.code", c.name, er.Message)
			}
			if strings.Contains(er.Message, secret) {
				t.Errorf("%s: error echoes the body: %q", c.name, er.Message)
			}
		}
	}
}
