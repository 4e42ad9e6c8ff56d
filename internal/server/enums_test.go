package server_test

import (
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

// TestEnumsCheckedEverywhere sends a wrong enum value in every kind of input
// position — literal or variable, single or in a list, at the top or inside
// an input object — and wants BAD_USER_INPUT naming the field, never a
// silently wrong answer or INTERNAL. Lower-case names are wrong values: the
// GraphQL spec's enum values are case-sensitive.
func TestEnumsCheckedEverywhere(t *testing.T) {
	e := newEnv(t)
	const page = `{ totalCount }`
	refusesInputs(t, e, []inputCase{
		{"list in variable object", access.RolePublic,
			`query($f: OfferFilter) { offers(filter: $f) ` + page + ` }`,
			map[string]any{"f": map[string]any{"needs": []any{"language"}}}, "filter.needs[0]"},
		{"list variable in literal object", access.RolePublic,
			`query($c: [OfferCategory!]) { offers(filter: {categories: $c}) ` + page + ` }`,
			map[string]any{"c": []any{"INTEGRATION_COURSE", "language_course"}}, "filter.categories[1]"},
		{"single variable", access.RolePublic,
			`query($o: OfferOrder) { offers(orderBy: $o) ` + page + ` }`,
			map[string]any{"o": "title"}, "orderBy"},
		{"unknown value in variable", access.RolePublic,
			`query($o: OfferOrder) { offers(orderBy: $o) ` + page + ` }`,
			map[string]any{"o": "NEWEST"}, "orderBy"},
		{"single value coerced to list", access.RolePublic,
			`query($s: [OfferStatus!]) { offers(filter: {status: $s}) ` + page + ` }`,
			map[string]any{"s": "active"}, "filter.status[0]"},
		{"literal in list", access.RolePublic,
			`{ offers(filter: {cost: [FREE, CHEAP]}) ` + page + ` }`, nil, "filter.cost[1]"},
		{"literal single", access.RolePublic,
			`{ offers(orderBy: NEWEST) ` + page + ` }`, nil, "orderBy"},
		{"string literal for enum", access.RolePublic,
			`{ offers(orderBy: "TITLE") ` + page + ` }`, nil, "orderBy"},
		{"organisation kinds", access.RolePublic,
			`query($k: [OrganisationKind!]) { organisations(filter: {kinds: $k}) ` + page + ` }`,
			map[string]any{"k": []any{"jobcenter"}}, "filter.kinds[0]"},
		{"client profile", access.RolePublic,
			`query($c: ClientProfile!) { matchOffers(client: $c) { score } }`,
			map[string]any{"c": map[string]any{"needs": []any{"LANGUAGE"}, "legalCircuits": []any{"SGB_II", "sgb_iii"}}},
			"legalCircuits[1]"},
		{"mutation input", access.RoleAdmin,
			`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
			map[string]any{"i": map[string]any{"name": "X", "kind": "Jobcenter"}}, "kind"},
		{"mutation nested list", access.RoleCaseManager,
			`mutation($t: TargetGroup) { recordUnmetNeed(input: {need: LANGUAGE, districtId: "x", targetGroup: $t}) { id } }`,
			map[string]any{"t": "women"}, "targetGroup"},
		{"not a string", access.RolePublic,
			`query($o: OfferOrder) { offers(orderBy: $o) ` + page + ` }`,
			map[string]any{"o": 3}, "orderBy"},
	})
	// Right values still pass, as variables and literals.
	e.t = t
	var out struct {
		Offers struct{ TotalCount int } `json:"offers"`
	}
	e.ok(access.RolePublic, `query($f: OfferFilter, $o: OfferOrder) { offers(filter: $f, orderBy: $o) `+page+` }`,
		map[string]any{"f": map[string]any{"needs": []any{"LANGUAGE"}}, "o": "TITLE"}, &out)
	if out.Offers.TotalCount == 0 {
		t.Error("no offer for need LANGUAGE")
	}
	var lit struct {
		Offers struct{ TotalCount int } `json:"offers"`
	}
	e.ok(access.RolePublic, `{ offers(filter: {needs: [LANGUAGE]}, orderBy: TITLE) `+page+` }`, nil, &lit)
	if lit.Offers.TotalCount != out.Offers.TotalCount {
		t.Errorf("literal %d, variable %d offers", lit.Offers.TotalCount, out.Offers.TotalCount)
	}
}

// inputCase is a request refused with BAD_USER_INPUT naming field.
type inputCase struct {
	name  string
	role  access.Role
	query string
	vars  map[string]any
	field string
}

func refusesInputs(t *testing.T, e *env, cases []inputCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			r := e.do(c.role, c.query, c.vars)
			if got := codes(r); len(got) != 1 || got[0] != "BAD_USER_INPUT "+c.field {
				t.Fatalf("errors %.300v, want [BAD_USER_INPUT %s]", got, c.field)
			}
			if string(r.Data) != "" && string(r.Data) != "null" {
				t.Errorf("refused operation returned data %s", r.Data)
			}
		})
	}
	e.t = t
}
