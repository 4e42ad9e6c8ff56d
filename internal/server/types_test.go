package server_test

import (
	"encoding/json"
	"testing"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/access"
)

// TestAuditEntriesSayWhatTheyHold: operation and entityKind are enums,
// before/after the values themselves as JSON; the deprecated strings agree.
func TestAuditEntriesSayWhatTheyHold(t *testing.T) {
	e := newEnv(t)
	off := e.snap.Offers[0].ID
	e.ok(access.RoleAdmin, `mutation($id: ID!) { updateOffer(id: $id, input: {freePlaces: 2, schedule: "Mo 9–12"}) { id } }`,
		map[string]any{"id": off}, nil)
	var d struct {
		AuditLog struct {
			Edges []struct {
				Node struct {
					Operation, EntityKind, Action, EntityType string
					Changes                                   []struct {
						Field, Old, New string
						Before, After   json.RawMessage
					}
				}
			}
		}
	}
	e.ok(access.RoleAdmin, `query($id: String) { auditLog(filter: {operation: UPDATE_OFFER, entityKind: OFFER, entityId: $id}, first: 1) {
		edges { node { operation entityKind action entityType changes { field old new before after } } } } }`,
		map[string]any{"id": off}, &d)
	if len(d.AuditLog.Edges) != 1 {
		t.Fatalf("auditLog(operation: UPDATE_OFFER) found %d entries", len(d.AuditLog.Edges))
	}
	n := d.AuditLog.Edges[0].Node
	if n.Operation != "UPDATE_OFFER" || n.EntityKind != "OFFER" || n.Action != "updateOffer" || n.EntityType != "Offer" {
		t.Errorf("entry = %+v", n)
	}
	got := map[string]string{}
	for _, c := range n.Changes {
		got[c.Field] = string(c.After)
		if string(c.Before) != orNull(c.Old) || string(c.After) != orNull(c.New) {
			t.Errorf("%s: before/after %s/%s disagree with old/new %q/%q", c.Field, c.Before, c.After, c.Old, c.New)
		}
	}
	if got["freePlaces"] != "2" || got["schedule"] != `"Mo 9–12"` {
		t.Errorf("after values = %v, want freePlaces 2 (a number) and schedule \"Mo 9–12\" (a string)", got)
	}

	// The same entry by the offer's global id.
	var g struct{ AuditLog struct{ TotalCount int } }
	e.ok(access.RoleAdmin, `query($id: String) { auditLog(filter: {operation: UPDATE_OFFER, entityId: $id}) { totalCount } }`,
		map[string]any{"id": relay.Global(relay.TypeOffer, off)}, &g)
	if g.AuditLog.TotalCount != 1 {
		t.Errorf("auditLog(entityId: global id) found %d entries, want 1", g.AuditLog.TotalCount)
	}

	// An enum filter that contradicts the string filter is refused, naming it.
	r := e.do(access.RoleAdmin, `{ auditLog(filter: {operation: CREATE_OFFER, action: "updateOffer"}) { totalCount } }`, nil)
	if c := codes(r); len(c) != 1 || c[0] != "BAD_USER_INPUT filter.operation" {
		t.Errorf("contradicting filter: %v", c)
	}
}

func orNull(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

// TestMatchReasonKinds: reasons and warnings carry their code as an enum.
func TestMatchReasonKinds(t *testing.T) {
	e := newEnv(t)
	var d struct {
		MatchOffers []struct {
			Reasons, Warnings []struct{ Code, Kind, Text string }
		}
	}
	e.ok(access.RolePublic, `query($c: ClientProfile!) { matchOffers(client: $c, first: 5) {
		reasons { code kind text } warnings { code kind text } } }`,
		map[string]any{"c": map[string]any{"needs": []string{"LANGUAGE", "WORK"}, "languages": []string{"ar"},
			"districtId": e.snap.Districts[0].ID, "needsChildcare": true}}, &d)
	n := 0
	for _, m := range d.MatchOffers {
		for _, r := range append(m.Reasons, m.Warnings...) {
			n++
			if r.Kind != r.Code || r.Text == "" {
				t.Errorf("reason %+v: kind differs from code", r)
			}
		}
	}
	if n == 0 {
		t.Fatal("no reasons at all")
	}
}

// TestDatesAreDates: the Date fields carry the same days as the deprecated
// strings, and a Date argument refuses what is no calendar day.
func TestDatesAreDates(t *testing.T) {
	e := newEnv(t)
	a, b := e.newOrganisation("org-date-a"), e.newOrganisation("org-date-b")
	var c struct {
		AddCooperation struct{ Since, SinceDate string }
	}
	e.ok(access.RoleAdmin, `mutation($a: ID!, $b: ID!) { addCooperation(input: {a: $a, b: $b, sinceDate: "2024-02-29"}) { since sinceDate } }`,
		map[string]any{"a": a, "b": b}, &c)
	if c.AddCooperation.SinceDate != "2024-02-29" || c.AddCooperation.Since != "2024-02-29" {
		t.Errorf("addCooperation = %+v", c.AddCooperation)
	}
	var p struct {
		Organisation struct {
			Partners []struct{ Since, SinceDate string }
		}
	}
	e.ok(access.RolePublic, `query($id: ID!) { organisation(id: $id) { partners { since sinceDate } } }`, map[string]any{"id": a}, &p)
	if len(p.Organisation.Partners) != 1 || p.Organisation.Partners[0].SinceDate != "2024-02-29" {
		t.Errorf("partners = %+v", p.Organisation.Partners)
	}
	var u struct {
		RecordUnmetNeed struct{ RecordedOn, RecordedDate string }
	}
	e.ok(access.RoleCaseManager, `mutation($d: ID!) { recordUnmetNeed(input: {need: HOUSING, districtId: $d, recordedDate: "2026-11-02"}) { recordedOn recordedDate } }`,
		map[string]any{"d": e.snap.Districts[0].ID}, &u)
	if u.RecordUnmetNeed.RecordedDate != "2026-11-02" || u.RecordUnmetNeed.RecordedOn != "2026-11-02" {
		t.Errorf("recordUnmetNeed = %+v", u.RecordUnmetNeed)
	}
	for _, bad := range []string{"2026-02-30", "21.11.2026", "2026-11-21T10:00:00Z"} {
		r := e.do(access.RoleCaseManager, `query($s: Date) { unmetNeedCounts(filter: {sinceDate: $s}) { count } }`, map[string]any{"s": bad})
		if len(r.Errors) != 1 || r.Data != nil && string(r.Data) != "null" {
			t.Errorf("sinceDate %q: errors %+v, data %s; want one error and no data", bad, r.Errors, r.Data)
		}
	}
}

// TestLanguagesHaveGermanNames: the ISO 639-1 list and an offer's languages
// come with their German names.
func TestLanguagesHaveGermanNames(t *testing.T) {
	e := newEnv(t)
	var d struct {
		Languages []struct{ Code, Name string }
		Offer     struct {
			Languages       []string
			LanguageDetails []struct{ Code, Name string }
		}
	}
	e.ok(access.RolePublic, `query($id: ID!) { languages { code name } offer(id: $id) { languages languageDetails { code name } } }`,
		map[string]any{"id": e.snap.Offers[0].ID}, &d)
	names := map[string]string{}
	for _, l := range d.Languages {
		names[l.Code] = l.Name
	}
	if len(d.Languages) != 183 || names["ar"] != "Arabisch" || names["uk"] != "Ukrainisch" || names["iw"] != "" {
		t.Errorf("languages: %d, ar %q, uk %q", len(d.Languages), names["ar"], names["uk"])
	}
	if len(d.Offer.LanguageDetails) != len(d.Offer.Languages) || len(d.Offer.Languages) == 0 {
		t.Fatalf("offer languages %v, details %v", d.Offer.Languages, d.Offer.LanguageDetails)
	}
	for i, l := range d.Offer.LanguageDetails {
		if l.Code != d.Offer.Languages[i] || l.Name != names[l.Code] {
			t.Errorf("languageDetails[%d] = %+v", i, l)
		}
	}
}
