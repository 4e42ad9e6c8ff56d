package server_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
)

// The differential test: the demo network in the embedded store and in
// Neo4j, the same requests to both, the answers compared field by field.
// A difference is a bug in one of the stores, or one of the tolerances below.

// distanceToleranceKm is the one tolerance: distances are computed by Go
// (SQLite) and by Neo4j's point.distance (rescaled to the same Earth
// radius), which round differently in the last bits. 1e-6 km is a millimetre.
const distanceToleranceKm = 1e-6

// tolerated reports whether two numbers at path are equal for the
// differential test: exactly, or within distanceToleranceKm for a distance.
func tolerated(path string, a, b float64) bool {
	if a == b {
		return true
	}
	return strings.HasSuffix(path, ".distanceKm") && math.Abs(a-b) <= distanceToleranceKm
}

func TestDistanceTolerance(t *testing.T) {
	for _, c := range []struct {
		path string
		a, b float64
		want bool
	}{
		{"offers.edges[0].distanceKm", 1.2345678, 1.2345678, true},
		{"offers.edges[0].distanceKm", 1.2345678, 1.2345678 + 4e-7, true},
		{"matchOffers[2].distanceKm", 1.2345678, 1.2345678 + 4e-7, true},
		{"offers.edges[0].distanceKm", 1.2345678, 1.2345678 + 2e-6, false},
		{"offers.edges[0].node.location.lat", 51.1, 51.1 + 1e-9, false},
		{"matchOffers[0].score", 0.76, 0.7601, false},
	} {
		if got := tolerated(c.path, c.a, c.b); got != c.want {
			t.Errorf("tolerated(%s, %v, %v) = %v, want %v", c.path, c.a, c.b, got, c.want)
		}
	}
}

// diffJSON lists the differences between a and b (decoded JSON), at most max.
func diffJSON(path string, a, b any, out *[]string, max int) {
	if len(*out) >= max {
		return
	}
	switch av := a.(type) {
	case map[string]any:
		bv, ok := b.(map[string]any)
		if !ok {
			*out = append(*out, fmt.Sprintf("%s: %v vs %v", path, short(a), short(b)))
			return
		}
		keys := map[string]bool{}
		for k := range av {
			keys[k] = true
		}
		for k := range bv {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			diffJSON(path+"."+k, av[k], bv[k], out, max)
		}
	case []any:
		bv, ok := b.([]any)
		if !ok || len(av) != len(bv) {
			*out = append(*out, fmt.Sprintf("%s: %d items vs %s", path, len(av), short(b)))
			return
		}
		for i := range av {
			diffJSON(fmt.Sprintf("%s[%d]", path, i), av[i], bv[i], out, max)
		}
	case float64:
		bv, ok := b.(float64)
		if !ok || !tolerated(path, av, bv) {
			*out = append(*out, fmt.Sprintf("%s: %v vs %v", path, a, b))
		}
	case string:
		if bs, ok := b.(string); ok && isCursorPath(path) && av != bs {
			// A cursor holds its item's sort key: a distance, which the two
			// stores round differently, is compared with the distance tolerance.
			pa, oka := cursorParts(av).([]any)
			pb, okb := cursorParts(bs).([]any)
			if !oka || !okb || len(pa) != len(pb) {
				*out = append(*out, fmt.Sprintf("%s: %v vs %v", path, short(a), short(b)))
				return
			}
			for i := range pa {
				diffJSON(fmt.Sprintf("%s[%d].distanceKm", path, i), pa[i], pb[i], out, max)
			}
			return
		}
		if fmt.Sprint(a) != fmt.Sprint(b) {
			*out = append(*out, fmt.Sprintf("%s: %v vs %v", path, short(a), short(b)))
		}
	default:
		if fmt.Sprint(a) != fmt.Sprint(b) {
			*out = append(*out, fmt.Sprintf("%s: %v vs %v", path, short(a), short(b)))
		}
	}
}

func isCursorPath(path string) bool {
	return strings.HasSuffix(path, ".cursor") || strings.HasSuffix(path, ".startCursor") || strings.HasSuffix(path, ".endCursor")
}

// cursorParts opens a keyset cursor (the test may look inside): its JSON
// record, or the cursor itself when it is not one.
func cursorParts(c string) any {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	var parts []any
	if err != nil || json.Unmarshal(raw, &parts) != nil {
		return c
	}
	return parts
}

func short(v any) string {
	if l, ok := v.([]any); ok {
		return fmt.Sprintf("%d items", len(l))
	}
	s := fmt.Sprint(v)
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

func TestDiffJSON(t *testing.T) {
	var a, b any
	_ = json.Unmarshal([]byte(`{"x":[{"distanceKm":1.0000001,"id":"a"}],"n":1}`), &a)
	_ = json.Unmarshal([]byte(`{"x":[{"distanceKm":1.0000002,"id":"b"}],"n":2}`), &b)
	var out []string
	diffJSON("", a, b, &out, 10)
	if want := []string{".n: 1 vs 2", ".x[0].id: a vs b"}; fmt.Sprint(out) != fmt.Sprint(want) {
		t.Errorf("diffJSON = %q, want %q", out, want)
	}
}

type diffCase struct {
	name  string
	role  access.Role
	query string
	vars  map[string]any
	// empty: the answer may hold no record (else it must name at least one id
	// or carry an error, so that two empty answers prove nothing by accident).
	empty bool
}

const diffOfferFields = `id title description category courseType needs targetGroups languages legalCircuits
	childcare cost capacity freePlaces schedule ageMin ageMax funding status digital address location { lat lon }
	district { id name municipality population } provider { id name kind } contact updatedAt`

const diffOffersQuery = `query ($f: OfferFilter, $o: OfferOrder, $first: Int, $after: String) {
  offers(filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm node { ` + diffOfferFields + ` } }
  }
}`

const diffOrgFields = `id name kind description parent { id name } district { id name } municipality address
	location { lat lon } website email phone workingGroups { id name } updatedAt
	offers { id title status } partners { since topics organisation { id name kind } }`

var (
	nearOhligs = map[string]any{"lat": 51.163, "lon": 7.010, "radiusKm": 3}
	nearElbf   = map[string]any{"lat": 51.2562, "lon": 7.1508, "radiusKm": 8}
)

func offersCase(name string, filter map[string]any, order string, first int) diffCase {
	vars := map[string]any{"f": filter, "first": first}
	if order != "" {
		vars["o"] = order
	}
	return diffCase{name: name, role: access.RolePublic, query: diffOffersQuery, vars: vars}
}

func differentialReads() []diffCase {
	var cs []diffCase
	// Each filter alone.
	for _, f := range []struct {
		name string
		v    map[string]any
	}{
		{"text", map[string]any{"text": "kurs"}},
		{"text umlaut", map[string]any{"text": "mutter"}},
		{"text two words", map[string]any{"text": "beratung arabisch"}},
		{"text accents", map[string]any{"text": "cafe"}},
		{"categories", map[string]any{"categories": []string{"LANGUAGE_COURSE", "INTEGRATION_COURSE"}}},
		{"needs", map[string]any{"needs": []string{"WORK"}}},
		{"targetGroups", map[string]any{"targetGroups": []string{"WOMEN"}}},
		{"languages", map[string]any{"languages": []string{"ar", "uk"}}},
		{"districtIds", map[string]any{"districtIds": []string{"sg-ohligs", "wu-barmen"}}},
		{"organisationIds", map[string]any{"organisationIds": []string{"sg-org-0001", "sg-org-0005"}}},
		{"municipality", map[string]any{"municipality": "Wuppertal"}},
		{"childcare", map[string]any{"childcare": true}},
		{"freePlacesOnly", map[string]any{"freePlacesOnly": true}},
		{"cost", map[string]any{"cost": []string{"PAID", "REDUCED"}}},
		{"near", map[string]any{"near": nearOhligs}},
		{"status", map[string]any{"status": []string{"PLANNED", "PAUSED"}}},
	} {
		cs = append(cs, offersCase("offers/"+f.name, f.v, "", 100))
	}
	// Combined, as in the README and beyond.
	cs = append(cs,
		offersCase("offers/README courses with childcare", map[string]any{"categories": []string{"INTEGRATION_COURSE"},
			"childcare": true, "districtIds": []string{"sg-ohligs", "sg-mitte"}}, "", 20),
		offersCase("offers/README text near", map[string]any{"text": "mutter", "near": nearOhligs}, "DISTANCE", 20),
		offersCase("offers/combined needs languages near free", map[string]any{"needs": []string{"LANGUAGE", "WORK"},
			"languages": []string{"ar"}, "near": nearElbf, "freePlacesOnly": true, "status": []string{"ACTIVE"}}, "DISTANCE", 50),
		offersCase("offers/combined text municipality cost", map[string]any{"text": "beratung", "municipality": "Solingen",
			"cost": []string{"FREE"}, "targetGroups": []string{"REFUGEES"}}, "TITLE", 50),
	)
	// Every order, over all offers and over a radius.
	for _, o := range []string{"TITLE", "UPDATED_AT", "FREE_PLACES"} {
		cs = append(cs, offersCase("offers/order "+o, map[string]any{}, o, 200))
		cs = append(cs, offersCase("offers/order "+o+" near", map[string]any{"near": nearElbf}, o, 200))
	}
	cs = append(cs, offersCase("offers/order DISTANCE near", map[string]any{"near": nearElbf}, "DISTANCE", 200))

	// Organisations.
	orgs := `query ($f: OrganisationFilter, $first: Int) { organisations(filter: $f, first: $first) {
		totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ` + diffOrgFields + ` } } } }`
	for _, f := range []struct {
		name string
		v    map[string]any
	}{
		{"all", map[string]any{}},
		{"text", map[string]any{"text": "caritas"}},
		{"kinds", map[string]any{"kinds": []string{"MOSQUE", "JOBCENTER", "MIGRANT_ORGANISATION"}}},
		{"districtIds", map[string]any{"districtIds": []string{"sg-mitte", "wu-elberfeld"}}},
		{"municipality", map[string]any{"municipality": "Solingen"}},
	} {
		cs = append(cs, diffCase{name: "organisations/" + f.name, role: access.RolePublic, query: orgs,
			vars: map[string]any{"f": f.v, "first": 250}})
	}
	cs = append(cs, diffCase{name: "organisation/README", role: access.RolePublic,
		query: `{ organisation(id: "sg-org-0001") { ` + diffOrgFields + ` } }`})
	cs = append(cs, diffCase{name: "districts", role: access.RolePublic,
		query: `{ districts { id name municipality population centre { lat lon } radiusKm } }`})

	// Matching and care plans for several profiles.
	match := `query ($c: ClientProfile!) {
	  matchOffers(client: $c, first: 20) { score distanceKm matchedNeeds reasons { code text } warnings { code text }
	    offer { id title category childcare languages provider { name } } }
	  carePlan(client: $c) { items { score distanceKm offer { id title } reasons { code text } } coveredNeeds uncoveredNeeds }
	}`
	for name, c := range map[string]map[string]any{
		"README mother in Ohligs": {"needs": []string{"LANGUAGE", "FAMILY_CHILDCARE", "WORK", "HOUSING"}, "languages": []string{"ar"},
			"districtId": "sg-ohligs", "maxDistanceKm": 1.5, "targetGroups": []string{"WOMEN", "PARENTS"},
			"needsChildcare": true, "legalCircuits": []string{"SGB_II", "AUFENTHG"}},
		"young refugee in Elberfeld": {"needs": []string{"WORK", "EDUCATION", "RESIDENCE"}, "languages": []string{"uk", "ru"},
			"location": map[string]any{"lat": 51.2562, "lon": 7.1508}, "maxDistanceKm": 6, "age": 19, "targetGroups": []string{"YOUTH", "REFUGEES"}},
		"family anywhere, free only": {"needs": []string{"HEALTH", "FINANCES", "AUTHORITIES"}, "languages": []string{"tr"},
			"freeOnly": true, "targetGroups": []string{"FAMILIES"}},
	} {
		cs = append(cs, diffCase{name: "matching/" + name, role: access.RoleCaseManager, query: match, vars: map[string]any{"c": c}})
	}

	// Steering for both cities.
	gap := `query ($m: String) { gapReport(municipality: $m) {
		municipality cells { district { id name } need activeOffers freePlaces offersPer10k unmetNeeds suppressed level }
		structuralGaps { kind district { id } need offer { id } organisation { id } language detail } } }`
	netr := `query ($m: String) { networkReport(municipality: $m) {
		municipality organisations cooperations density componentCount components { size organisationIds }
		isolated { id } brokers { organisation { id } betweenness } kindMatrix { a b cooperations }
		noPathToJobcenter { id } noPathToImmigrationOffice { id } } }`
	for _, m := range []string{"Solingen", "Wuppertal"} {
		cs = append(cs,
			diffCase{name: "gapReport/" + m, role: access.RoleSteering, query: gap, vars: map[string]any{"m": m}},
			diffCase{name: "networkReport/" + m, role: access.RoleSteering, query: netr, vars: map[string]any{"m": m}})
	}
	for depth := 1; depth <= 3; depth++ {
		for _, id := range []string{"sg-org-0005", "sg-org-0001"} {
			cs = append(cs, diffCase{name: fmt.Sprintf("network/%s depth %d", id, depth), role: access.RolePublic,
				query: `query ($id: ID!, $d: Int) { network(organisationId: $id, depth: $d) {
					nodes { id organisation { name kind } } edges { source target since topics } } }`,
				vars: map[string]any{"id": id, "d": depth}})
		}
	}

	// Bad inputs of reads.
	cs = append(cs,
		diffCase{name: "bad/unknown district in profile", role: access.RoleCaseManager, query: match,
			vars: map[string]any{"c": map[string]any{"needs": []string{"WORK"}, "districtId": "nowhere"}}},
		diffCase{name: "bad/no needs", role: access.RoleCaseManager, query: match,
			vars: map[string]any{"c": map[string]any{"needs": []string{}}}},
		diffCase{name: "bad/unknown municipality", role: access.RoleSteering, query: gap, vars: map[string]any{"m": "Atlantis"}},
		diffCase{name: "bad/unknown organisation network", role: access.RolePublic,
			query: `{ network(organisationId: "nope", depth: 1) { nodes { id } } }`},
		diffCase{name: "bad/first too large", role: access.RolePublic, query: diffOffersQuery, vars: map[string]any{"first": 100000}},
		diffCase{name: "bad/steering as partner", role: access.RolePartner, query: gap, vars: map[string]any{"m": "Solingen"}},
	)
	return cs
}

// differentialWrites run in this order on both stores; their answers (and
// errors) are compared like the reads, and so is the audit log after them.
func differentialWrites(partner string) []diffCase {
	offer := func(id, title string, langs ...string) map[string]any {
		return map[string]any{"id": id, "providerId": partner, "title": title, "category": "LANGUAGE_COURSE",
			"needs": []string{"LANGUAGE"}, "languages": langs, "districtId": "sg-mitte", "capacity": 12, "freePlaces": 3,
			"location": map[string]any{"lat": 51.1657, "lon": 7.0836}}
	}
	create := `mutation ($in: CreateOfferInput!) { createOffer(input: $in) { id title languages freePlaces district { id } provider { id } } }`
	update := `mutation ($id: ID!, $in: UpdateOfferInput!) { updateOffer(id: $id, input: $in) { id title freePlaces schedule languages } }`
	return []diffCase{
		{name: "write/create offer", role: access.RoleAdmin, query: create, vars: map[string]any{"in": offer("diff-1", "Deutsch am Abend", "de", "ar")}},
		{name: "write/create offer again (CONFLICT)", role: access.RoleAdmin, query: create, vars: map[string]any{"in": offer("diff-1", "Doppelt", "de")}},
		{name: "write/create offer bad fields", role: access.RoleAdmin, query: create, vars: map[string]any{"in": offer("diff-2", "", "de", "xx")}},
		{name: "write/create offer unknown provider", role: access.RoleAdmin, query: create,
			vars: map[string]any{"in": func() map[string]any { o := offer("diff-3", "Ohne Träger", "de"); o["providerId"] = "nope"; return o }()}},
		{name: "write/update offer", role: access.RoleAdmin, query: update, vars: map[string]any{"id": "diff-1",
			"in": map[string]any{"freePlaces": 4, "schedule": "Mo–Do 9:00–12:15"}}},
		{name: "write/update unknown offer", role: access.RoleAdmin, query: update, vars: map[string]any{"id": "nope", "in": map[string]any{"freePlaces": 1}}},
		{name: "write/partner updates another's offer", role: access.RolePartner, query: update,
			vars: map[string]any{"id": "wu-off-0001", "in": map[string]any{"freePlaces": 1}}},
		{name: "write/delete organisation with offers (CONFLICT)", role: access.RoleAdmin,
			query: `mutation { deleteOrganisation(id: "` + partner + `") }`},
		{name: "write/delete offer", role: access.RoleAdmin, query: `mutation { deleteOffer(id: "diff-1") }`, empty: true},
		{name: "write/delete offer again", role: access.RoleAdmin, query: `mutation { deleteOffer(id: "diff-1") }`},
		// Found by running the README's mutations against both servers: the
		// conflict's wording for one offer ("1 offers" on Neo4j) and the field of
		// a duplicate cooperation (none on the embedded store).
		{name: "write/create organisation", role: access.RoleAdmin,
			query: `mutation { createOrganisation(input: {id: "diff-org", name: "Diff e.V.", kind: OTHER, districtId: "sg-mitte"}) { id name } }`},
		{name: "write/create organisation again (CONFLICT)", role: access.RoleAdmin,
			query: `mutation { createOrganisation(input: {id: "diff-org", name: "Doppelt", kind: OTHER, districtId: "sg-mitte"}) { id } }`},
		{name: "write/create its one offer", role: access.RoleAdmin, query: create,
			vars: map[string]any{"in": func() map[string]any { o := offer("diff-5", "Einzeln", "de"); o["providerId"] = "diff-org"; return o }()}},
		{name: "write/delete organisation with one offer (CONFLICT)", role: access.RoleAdmin, query: `mutation { deleteOrganisation(id: "diff-org") }`},
		{name: "write/add cooperation", role: access.RoleAdmin,
			query: `mutation { addCooperation(input: {a: "diff-org", b: "` + partner + `", topics: ["Sprache"]}) { status topics a { id } b { id } } }`},
		{name: "write/add cooperation again, reversed (CONFLICT)", role: access.RoleAdmin,
			query: `mutation { addCooperation(input: {a: "` + partner + `", b: "diff-org"}) { status } }`},
		{name: "write/add cooperation with unknown organisation", role: access.RoleAdmin,
			query: `mutation { addCooperation(input: {a: "diff-org", b: "nope"}) { status } }`},
		{name: "write/remove cooperation", role: access.RoleAdmin, query: `mutation { removeCooperation(a: "` + partner + `", b: "diff-org") }`, empty: true},
		{name: "write/remove cooperation again", role: access.RoleAdmin, query: `mutation { removeCooperation(a: "` + partner + `", b: "diff-org") }`},
		// Last: the audit pages after the writes begin with it.
		{name: "write/create second offer", role: access.RoleAdmin, query: create, vars: map[string]any{"in": offer("diff-4", "Sprachcafé", "de", "uk")}},
	}
}

// auditCases page through the audit log the writes left (the fields that
// both stores fill the same: time and entry ids are drawn per store).
func auditCases(after string) []diffCase {
	q := `query ($first: Int, $after: String, $f: AuditFilter) { auditLog(filter: $f, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage } edges { node { actorId actorName role action entityType entityId changes { field old new } } } } }`
	return []diffCase{
		{name: "audit/first page", role: access.RoleAdmin, query: q, vars: map[string]any{"first": 2}},
		{name: "audit/second page", role: access.RoleAdmin, query: q, vars: map[string]any{"first": 2, "after": after}},
		{name: "audit/by entity", role: access.RoleAdmin, query: q, vars: map[string]any{"first": 10, "f": map[string]any{"entityId": "diff-1"}}},
		{name: "audit/as steering (FORBIDDEN)", role: access.RoleSteering, query: q, vars: map[string]any{"first": 10}},
	}
}

// TestDifferentialSQLiteNeo4j compares the stores themselves ("stores"),
// and the read index over Neo4j with the bare SQLite store ("read index").
func TestDifferentialSQLiteNeo4j(t *testing.T) {
	if _, ok := neo4jtest.FromEnv(); !ok {
		t.Skip(neo4jtest.SkipReason)
	}
	cfg := server.Config{CORSOrigins: []string{"https://dashboard.example.org"}}
	t.Run("stores", func(t *testing.T) {
		differential(t, newEnvDirect(t, cfg, nil, sqliteDemoStore(t)), newEnvDirect(t, cfg, nil, neo4jDemoStore(t)))
	})
	t.Run("read index", func(t *testing.T) {
		differential(t, newEnvDirect(t, cfg, nil, sqliteDemoStore(t)), newEnvOn(t, cfg, nil, neo4jDemoStore(t)))
	})
}

func differential(t *testing.T, lite, n4 *env) {

	for _, c := range differentialReads() {
		compareAnswers(t, c, lite, n4)
	}
	// A later page, after the cursor the first page ended with (the first
	// page's cursors are compared above, so both stores gave this one).
	var first struct {
		Offers struct {
			PageInfo struct{ EndCursor string } `json:"pageInfo"`
		} `json:"offers"`
	}
	solingen := map[string]any{"municipality": "Solingen"}
	lite.ok(access.RolePublic, diffOffersQuery, map[string]any{"f": solingen, "first": 40}, &first)
	compareAnswers(t, diffCase{name: "offers/first 40", role: access.RolePublic, query: diffOffersQuery,
		vars: map[string]any{"f": solingen, "first": 40}}, lite, n4)
	compareAnswers(t, diffCase{name: "offers/page 3", role: access.RolePublic, query: diffOffersQuery,
		vars: map[string]any{"f": solingen, "first": 20, "after": first.Offers.PageInfo.EndCursor}}, lite, n4)

	for _, c := range differentialWrites(partnerOrg(lite.snap)) {
		compareAnswers(t, c, lite, n4)
	}
	// The audit log's cursor of the first page, from each store (opaque).
	var page struct {
		AuditLog struct {
			PageInfo struct{ EndCursor string } `json:"pageInfo"`
		} `json:"auditLog"`
	}
	q := `{ auditLog(first: 2) { pageInfo { endCursor } } }`
	lite.ok(access.RoleAdmin, q, nil, &page)
	liteCursor := page.AuditLog.PageInfo.EndCursor
	n4.ok(access.RoleAdmin, q, nil, &page)
	// The entries' ids are random, their sequence numbers the same: the
	// cursors name the same position (the seq), and either store takes the other's.
	if a, b := cursorParts(liteCursor), cursorParts(page.AuditLog.PageInfo.EndCursor); fmt.Sprint(a.([]any)[:3]) != fmt.Sprint(b.([]any)[:3]) {
		t.Errorf("audit cursors differ: %v vs %v", a, b)
	}
	for _, c := range auditCases(liteCursor) {
		compareAnswers(t, c, lite, n4)
	}
	// The directory after the writes.
	compareAnswers(t, offersCase("after writes/offers near", map[string]any{"near": nearOhligs}, "DISTANCE", 100), lite, n4)
}

// compareAnswers sends c to both servers and reports every difference.
func compareAnswers(t *testing.T, c diffCase, lite, n4 *env) {
	t.Helper()
	t.Run(c.name, func(t *testing.T) {
		a := lite.do(c.role, c.query, c.vars)
		b := n4.do(c.role, c.query, c.vars)
		if a.Status != b.Status {
			t.Errorf("HTTP status: SQLite %d, Neo4j %d", a.Status, b.Status)
		}
		var out []string
		diffJSON("errors", decode(t, mustJSON(t, byPath(a.Errors))), decode(t, mustJSON(t, byPath(b.Errors))), &out, 20)
		diffJSON("data", decode(t, a.Data), decode(t, b.Data), &out, 20)
		for _, d := range out {
			t.Errorf("SQLite vs Neo4j: %s", d)
		}
		if !c.empty && len(a.Errors) == 0 && !strings.Contains(string(a.Data), `"id"`) {
			t.Errorf("the answer names no record, so the comparison proves little: %s", a.Data)
		}
	})
}

// byPath orders errors by path and message: gqlgen resolves the fields of
// one request concurrently, so the order of their errors is not the store's.
func byPath(errs []gqlError) []gqlError {
	out := append([]gqlError(nil), errs...)
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := fmt.Sprint(out[i].Path), fmt.Sprint(out[j].Path)
		if pi != pj {
			return pi < pj
		}
		return out[i].Message < out[j].Message
	})
	return out
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decode(t *testing.T, b []byte) any {
	t.Helper()
	if len(b) == 0 {
		return nil
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}
