package server_test

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/access"
)

// TestLanguageCodeInputs: every language input has a LanguageCode field
// beside the deprecated string one; both filter alike, a code that is no
// current ISO 639-1 code is refused naming its field (literal or
// variable), and two different values in the two fields are refused.
func TestLanguageCodeInputs(t *testing.T) {
	e := newEnv(t)
	count := func(field string) int {
		var d struct{ Offers struct{ TotalCount int } }
		e.ok(access.RolePublic, `query($f: OfferFilter) { offers(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{field: []string{"ar"}}}, &d)
		return d.Offers.TotalCount
	}
	if typed, old := count("languageCodes"), count("languages"); typed == 0 || typed != old {
		t.Errorf("offers in ar: languageCodes %d, languages %d; want the same, more than 0", typed, old)
	}

	district := e.snap.Districts[0].ID
	provider := e.snap.Organisations[0].ID
	offer := func(langs map[string]any) map[string]any {
		in := validOffer(provider, district)
		delete(in, "languages")
		for k, v := range langs {
			in[k] = v
		}
		return in
	}
	refusesInputs(t, e, []inputCase{
		{"filter variable", access.RolePublic, `query($f: OfferFilter) { offers(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{"languageCodes": []any{"de", "xx"}}}, "filter.languageCodes[1]"},
		{"filter literal", access.RolePublic, `{ offers(filter: {languageCodes: ["iw"]}) { totalCount } }`, nil,
			"filter.languageCodes[0]"},
		{"filter upper case", access.RolePublic, `{ offers(filter: {languageCodes: "AR"}) { totalCount } }`, nil,
			"filter.languageCodes[0]"},
		{"filter not a string", access.RolePublic, `query($l: [LanguageCode!]) { offers(filter: {languageCodes: $l}) { totalCount } }`,
			map[string]any{"l": []any{7}}, "filter.languageCodes[0]"},
		{"client profile", access.RolePublic, `query($c: ClientProfile!) { matchOffers(client: $c) { score } }`,
			map[string]any{"c": map[string]any{"needs": []any{"LANGUAGE"}, "languageCodes": []any{"ar", "arabic"}}}, "languageCodes[1]"},
		{"unmet need", access.RoleCaseManager, `mutation { recordUnmetNeed(input: {need: LANGUAGE, districtId: "` + district + `", languageCode: "sh"}) { id } }`,
			nil, "languageCode"},
		{"create offer", access.RoleAdmin, createOffer, map[string]any{"in": offer(map[string]any{"languageCodes": []any{"de", ""}})},
			"languageCodes[1]"},
		{"update offer", access.RoleAdmin, `mutation($id: ID!) { updateOffer(id: $id, input: {languageCodes: ["zz"]}) { id } }`,
			map[string]any{"id": e.snap.Offers[0].ID}, "languageCodes[0]"},
		{"both fields, different", access.RolePublic, `{ offers(filter: {languageCodes: ["ar"], languages: ["tr"]}) { totalCount } }`,
			nil, "filter.languageCodes"},
		{"both date fields, different", access.RoleSteering, `{ unmetNeedCounts(filter: {sinceDate: "2026-01-01", since: "2025-01-01"}) { count } }`,
			nil, "filter.sinceDate"},
		{"create offer without languages", access.RoleAdmin, createOffer, map[string]any{"in": offer(nil)}, "languageCodes"},
		{"create offer duplicate", access.RoleAdmin, createOffer, map[string]any{"in": offer(map[string]any{"languageCodes": []any{"ar", "ar"}})},
			"languageCodes[1]"},
	})

	// The typed fields write and match as the deprecated ones did.
	var c struct{ CreateOffer struct{ ID string } }
	e.ok(access.RoleAdmin, createOffer, map[string]any{"in": offer(map[string]any{"languageCodes": []string{"uk", "de"}})}, &c)
	var u struct{ UpdateOffer struct{ Languages []string } }
	e.ok(access.RoleAdmin, `mutation($id: ID!) { updateOffer(id: $id, input: {languageCodes: ["fa"], languages: ["fa"]}) { languages } }`,
		map[string]any{"id": c.CreateOffer.ID}, &u)
	if !slices.Equal(u.UpdateOffer.Languages, []string{"fa"}) {
		t.Errorf("updateOffer(languageCodes: [fa]) languages = %v", u.UpdateOffer.Languages)
	}
	match := func(field string) []string {
		var d struct {
			MatchOffers []struct{ Offer struct{ ID string } }
		}
		e.ok(access.RolePublic, `query($c: ClientProfile!) { matchOffers(client: $c, first: 20) { offer { id } } }`,
			map[string]any{"c": map[string]any{"needs": []string{"LANGUAGE"}, field: []string{"fa", "de"}}}, &d)
		var ids []string
		for _, m := range d.MatchOffers {
			ids = append(ids, m.Offer.ID)
		}
		return ids
	}
	if typed, old := match("languageCodes"), match("languages"); len(typed) == 0 || !slices.Equal(typed, old) {
		t.Errorf("matchOffers: languageCodes %v, languages %v", typed, old)
	}
	var n struct{ RecordUnmetNeed struct{ Language string } }
	e.ok(access.RoleCaseManager, `mutation($d: ID!) { recordUnmetNeed(input: {need: HOUSING, districtId: $d, languageCode: "ti"}) { language } }`,
		map[string]any{"d": district}, &n)
	if n.RecordUnmetNeed.Language != "ti" {
		t.Errorf("recordUnmetNeed(languageCode: ti).language = %q", n.RecordUnmetNeed.Language)
	}
}

// TestNetworkIDsAreGlobal: the network's node ids, edge ends and component
// members are global ids, the same as Organisation.id, in the neighbourhood,
// the picture and the report; the organisation's old id is still accepted.
func TestNetworkIDsAreGlobal(t *testing.T) {
	e := newEnv(t)
	type graph struct {
		Nodes []struct {
			ID           string
			Organisation struct{ ID string }
		}
		Edges []struct{ Source, Target string }
	}
	check := func(name string, g graph) {
		t.Helper()
		if len(g.Nodes) < 2 || len(g.Edges) == 0 {
			t.Fatalf("%s: %d nodes, %d edges; want a network", name, len(g.Nodes), len(g.Edges))
		}
		nodes := map[string]bool{}
		for _, n := range g.Nodes {
			if typ, _, ok := relay.Parse(n.ID); !ok || typ != relay.TypeOrganisation || n.ID != n.Organisation.ID {
				t.Errorf("%s: node id %q, organisation.id %q; want the same global id", name, n.ID, n.Organisation.ID)
			}
			nodes[n.ID] = true
		}
		for _, ed := range g.Edges {
			if !nodes[ed.Source] || !nodes[ed.Target] {
				t.Errorf("%s: edge %s–%s does not join two nodes by their ids", name, ed.Source, ed.Target)
			}
		}
	}
	const sel = `nodes { id organisation { id } } edges { source target }`
	org := caseOrg(e.snap)
	var local, global struct{ Network graph }
	e.global(t, access.RolePublic, `query($id: ID!) { network(organisationId: $id, depth: 2) { `+sel+` } }`, map[string]any{"id": org}, &local)
	e.global(t, access.RolePublic, `query($id: ID!) { network(organisationId: $id, depth: 2) { `+sel+` } }`,
		map[string]any{"id": relay.Global(relay.TypeOrganisation, org)}, &global)
	check("network", local.Network)
	if !reflect.DeepEqual(local, global) {
		t.Errorf("network by the old id and by the global id differ")
	}
	var pic struct{ NetworkGraph graph }
	e.global(t, access.RoleSteering, `{ networkGraph(municipality: "Solingen") { `+sel+` } }`, nil, &pic)
	check("networkGraph", pic.NetworkGraph)
	var rep struct {
		NetworkReport struct {
			Components []struct{ OrganisationIds []string }
			Isolated   []struct{ ID string }
		}
	}
	e.global(t, access.RoleSteering, `{ networkReport(municipality: "Solingen") { components { organisationIds } isolated { id } } }`, nil, &rep)
	members := map[string]bool{}
	for _, c := range rep.NetworkReport.Components {
		for _, id := range c.OrganisationIds {
			members[id] = true
		}
	}
	if len(members) == 0 {
		t.Fatal("networkReport: no component members")
	}
	for _, n := range pic.NetworkGraph.Nodes {
		if !members[n.ID] {
			t.Errorf("networkReport.components lack %q, the picture's node id", n.ID)
		}
	}
}

// TestReferralDatesAreDates: the consent's days and the referral windows are
// Dates, refused naming their field when they are no calendar day (and
// nothing is stored); the status history's instants are RFC 3339 date-times
// in UTC, as the Time scalar's @specifiedBy says.
func TestReferralDatesAreDates(t *testing.T) {
	e := newEnv(t)
	in := e.referralInput(4711)
	bad := func(field, value string) map[string]any {
		c := maps.Clone(in["consent"].(map[string]any))
		c[field] = value
		out := maps.Clone(in)
		out["consent"] = c
		return out
	}
	const create = `mutation($in: CreateReferralInput!) { createReferral(input: $in) { id } }`
	sent := func() int {
		var d struct{ Referrals struct{ TotalCount int } }
		e.ok(access.RoleCaseManager, `{ referrals { totalCount } }`, nil, &d)
		return d.Referrals.TotalCount
	}
	before := sent()
	refusesInputs(t, e, []inputCase{
		{"consent given on a day that is none", access.RoleCaseManager, create, map[string]any{"in": bad("givenOn", "2026-02-30")}, "consent.givenOn"},
		{"consent valid until, German notation", access.RoleCaseManager, create, map[string]any{"in": bad("validUntil", "31.12.2099")}, "consent.validUntil"},
		{"consent with a time", access.RoleCaseManager, create, map[string]any{"in": bad("givenOn", e.today()+"T10:00:00Z")}, "consent.givenOn"},
		{"referral filter", access.RoleCaseManager, `{ referrals(filter: {since: "2026-1-5"}) { totalCount } }`, nil, "filter.since"},
		{"referral stats", access.RoleSteering, `query($u: Date) { referralStats(until: $u) { total { sent } } }`, map[string]any{"u": "2026-13-01"}, "until"},
	})
	if n := sent(); n != before {
		t.Errorf("refused referrals were stored: %d before, %d after", before, n)
	}

	id := e.newReferral()
	e.ok(access.RolePartner, `mutation($id: ID!) { updateReferralStatus(id: $id, status: ACCEPTED) { id } }`, map[string]any{"id": id}, nil)
	var d struct {
		Referral struct {
			Consent   struct{ GivenOn, ValidUntil string }
			CreatedAt string
			History   []struct{ At string }
		}
		Referrals struct{ TotalCount int }
	}
	e.ok(access.RoleCaseManager, `query($id: ID!, $d: Date) { referral(id: $id) { consent { givenOn validUntil } createdAt history { at } }
		referrals(filter: {since: $d, until: $d}) { totalCount } }`, map[string]any{"id": id, "d": e.today()}, &d)
	r := d.Referral
	if r.Consent.GivenOn != e.today() || r.Consent.ValidUntil != "2099-12-31" || d.Referrals.TotalCount != 1 {
		t.Errorf("consent %+v, referrals sent today %d; want %s–2099-12-31 and 1", r.Consent, d.Referrals.TotalCount, e.today())
	}
	if len(r.History) != 2 {
		t.Fatalf("history %+v, want SENT and ACCEPTED", r.History)
	}
	for _, at := range append([]string{r.CreatedAt}, r.History[0].At, r.History[1].At) {
		if ts, err := time.Parse(time.RFC3339Nano, at); err != nil || !strings.HasSuffix(at, "Z") || time.Since(ts) > time.Hour {
			t.Errorf("instant %q: want an RFC 3339 date-time in UTC of the last hour (%v)", at, err)
		}
	}
	var s struct {
		Type struct{ SpecifiedByURL string }
	}
	e.ok(access.RolePublic, `{ type: __type(name: "Time") { specifiedByURL } }`, nil, &s)
	if s.Type.SpecifiedByURL != "https://scalars.graphql.org/andimarek/date-time" {
		t.Errorf("Time.specifiedByURL = %q", s.Type.SpecifiedByURL)
	}
}

// TestOperationNameMissing: a document of several operations without an
// operationName is a request error that says what to send.
func TestOperationNameMissing(t *testing.T) {
	e := newEnv(t)
	r := e.do(access.RolePublic, `query A { me { role } } query B { me { role } }`, nil)
	refusedWith(t, r, "GRAPHQL_VALIDATION_FAILED", "2 operations", "operationName")
}

// TestReferralIDsAreGlobal: a referral's offerId and a statistics group's
// key are the global ids of their offer, organisation or district, as the
// objects' id fields.
func TestReferralIDsAreGlobal(t *testing.T) {
	e := newEnv(t)
	id := e.newReferral()
	var d struct {
		Referral struct {
			OfferID string
			Offer   struct{ ID string }
		}
	}
	e.global(t, access.RoleCaseManager, `query($id: ID!) { referral(id: $id) { offerId offer { id } } }`, map[string]any{"id": id}, &d)
	if d.Referral.OfferID == "" || d.Referral.OfferID != d.Referral.Offer.ID {
		t.Errorf("offerId %q, offer.id %q; want the same global id", d.Referral.OfferID, d.Referral.Offer.ID)
	}
	for _, by := range []string{"OFFER", "PROVIDER", "DISTRICT"} {
		var s struct {
			ReferralStats struct {
				Groups []struct {
					Key                       string
					Offer, Provider, District *struct{ ID string }
				}
			}
		}
		e.global(t, access.RoleSteering, `query($g: ReferralGroupBy) { referralStats(groupBy: $g) { groups { key offer { id } provider { id } district { id } } } }`,
			map[string]any{"g": by}, &s)
		if len(s.ReferralStats.Groups) == 0 {
			t.Fatalf("referralStats(groupBy: %s): no groups", by)
		}
		for _, g := range s.ReferralStats.Groups {
			obj := map[string]*struct{ ID string }{"OFFER": g.Offer, "PROVIDER": g.Provider, "DISTRICT": g.District}[by]
			if g.Key != "" && (obj == nil || obj.ID != g.Key) {
				t.Errorf("groupBy %s: key %q, object %+v; want the object's id", by, g.Key, obj)
			}
		}
	}
}

// TestLanguageCodeOutputs: every language output has a LanguageCode field
// beside the deprecated string one, with the same value.
func TestLanguageCodeOutputs(t *testing.T) {
	e := newEnv(t)
	var d struct {
		Offers struct {
			Edges []struct {
				Node struct{ Languages, LanguageCodes []string }
			}
		}
		GapReport struct {
			StructuralGaps []struct{ Kind, Language, LanguageCode string }
		}
		UnmetNeedCounts []struct{ Language, LanguageCode string }
	}
	e.ok(access.RoleSteering, `{ offers(first: 50) { edges { node { languages languageCodes } } }
		gapReport(municipality: "Solingen") { structuralGaps { kind language languageCode } }
		unmetNeedCounts(filter: {municipality: "Solingen"}) { language languageCode } }`, nil, &d)
	for _, ed := range d.Offers.Edges {
		if len(ed.Node.LanguageCodes) == 0 || !slices.Equal(ed.Node.Languages, ed.Node.LanguageCodes) {
			t.Errorf("offer languages %v, languageCodes %v", ed.Node.Languages, ed.Node.LanguageCodes)
		}
	}
	n := 0
	for _, g := range d.GapReport.StructuralGaps {
		if g.Language != g.LanguageCode {
			t.Errorf("gap %s: language %q, languageCode %q", g.Kind, g.Language, g.LanguageCode)
		}
		if g.LanguageCode != "" {
			n++
		}
	}
	for _, c := range d.UnmetNeedCounts {
		if c.Language != c.LanguageCode {
			t.Errorf("unmet-need count: language %q, languageCode %q", c.Language, c.LanguageCode)
		}
		if c.LanguageCode != "" {
			n++
		}
	}
	if n == 0 {
		t.Error("no gap or unmet-need count carries a language; the demo has LANGUAGE_NOT_COVERED gaps")
	}
	var u struct {
		RecordUnmetNeed struct{ Language, LanguageCode string }
	}
	e.ok(access.RoleCaseManager, `mutation($d: ID!) { recordUnmetNeed(input: {need: HOUSING, districtId: $d, languageCode: "ar"}) { language languageCode } }`,
		map[string]any{"d": e.snap.Districts[0].ID}, &u)
	if u.RecordUnmetNeed.LanguageCode != "ar" || u.RecordUnmetNeed.Language != "ar" {
		t.Errorf("recordUnmetNeed = %+v", u.RecordUnmetNeed)
	}
}
