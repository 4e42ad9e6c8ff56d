package server_test

import (
	"context"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/store"
)

type offerConn struct {
	Offers struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage bool   `json:"hasNextPage"`
			EndCursor   string `json:"endCursor"`
		} `json:"pageInfo"`
		Edges []struct {
			Cursor     string   `json:"cursor"`
			DistanceKm *float64 `json:"distanceKm"`
			Node       struct {
				ID       string `json:"id"`
				Title    string `json:"title"`
				Provider struct {
					ID   string `json:"id"`
					Name string `json:"name"`
				} `json:"provider"`
				District *struct {
					ID   string `json:"id"`
					Name string `json:"name"`
				} `json:"district"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"offers"`
}

const offersQuery = `query($f: OfferFilter, $first: Int, $after: String, $order: OfferOrder) {
  offers(filter: $f, first: $first, after: $after, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm node { id title provider { id name } district { id name } } }
  }
}`

// allOfferIDs walks every page of a search and fails on a repeated id.
func (e *env) allOfferIDs(filter map[string]any, pageSize int) ([]string, int) {
	e.t.Helper()
	var ids []string
	seen := map[string]bool{}
	after := ""
	total := -1
	for {
		vars := map[string]any{"f": filter, "first": pageSize}
		if after != "" {
			vars["after"] = after
		}
		var c offerConn
		e.ok(access.RolePublic, offersQuery, vars, &c)
		if total >= 0 && c.Offers.TotalCount != total {
			e.t.Fatalf("totalCount changed between pages: %d then %d", total, c.Offers.TotalCount)
		}
		total = c.Offers.TotalCount
		for _, edge := range c.Offers.Edges {
			if seen[edge.Node.ID] {
				e.t.Fatalf("offer %s appears on two pages", edge.Node.ID)
			}
			seen[edge.Node.ID] = true
			ids = append(ids, edge.Node.ID)
		}
		if !c.Offers.PageInfo.HasNextPage {
			break
		}
		after = c.Offers.PageInfo.EndCursor
	}
	return ids, total
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	sort.Strings(s)
	return s
}

func TestOffersFilterReturnsExactlyTheMatchingOffers(t *testing.T) {
	e := newEnv(t)
	// Two districts that hold integration courses with childcare.
	byDistrict := map[string]int{}
	for _, o := range e.snap.Offers {
		if o.Category == directory.CategoryIntegrationCourse && o.Childcare {
			byDistrict[o.DistrictID]++
		}
	}
	var districts []string
	for d := range byDistrict {
		districts = append(districts, d)
	}
	sort.Strings(districts)
	if len(districts) < 2 {
		t.Fatalf("demo data has integration courses with childcare in %d districts, want ≥ 2", len(districts))
	}
	districts = districts[:2]
	var want []string
	for _, o := range e.snap.Offers {
		if o.Category == directory.CategoryIntegrationCourse && o.Childcare && slices.Contains(districts, o.DistrictID) {
			want = append(want, o.ID)
		}
	}
	got, total := e.allOfferIDs(map[string]any{"categories": []string{"INTEGRATION_COURSE"}, "childcare": true, "districtIds": districts}, 2)
	if total != len(want) {
		t.Errorf("totalCount = %d, want %d", total, len(want))
	}
	if !slices.Equal(sorted(got), sorted(want)) {
		t.Errorf("offers = %v\nwant     %v", sorted(got), sorted(want))
	}
}

func TestOffersTextSearchFoldsCaseAndUmlauts(t *testing.T) {
	e := newEnv(t)
	for _, q := range []string{"mutter", "kinderbetreuung", "KINDERBETREUUNG"} {
		var want []string
		for _, o := range e.snap.Offers {
			if strings.Contains(directory.Fold(o.Title+" "+o.Description), directory.Fold(q)) {
				want = append(want, o.ID)
			}
		}
		if len(want) == 0 {
			t.Fatalf("demo data has no offer matching %q", q)
		}
		got, _ := e.allOfferIDs(map[string]any{"text": q}, 100)
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Errorf("text %q: got %d offers, want %d", q, len(got), len(want))
		}
	}
}

func TestOffersNearOrderedByDistance(t *testing.T) {
	e := newEnv(t)
	centre := directory.GeoPoint{Lat: 51.163, Lon: 7.010} // Solingen-Ohligs
	var c offerConn
	e.ok(access.RolePublic, offersQuery, map[string]any{
		"f": map[string]any{"near": map[string]any{"lat": centre.Lat, "lon": centre.Lon, "radiusKm": 2.0}}, "first": 500, "order": "DISTANCE",
	}, &c)
	want := 0
	for _, o := range e.snap.Offers {
		if o.Location != nil && directory.DistanceKm(centre, *o.Location) <= 2.0 {
			want++
		}
	}
	if c.Offers.TotalCount != want || len(c.Offers.Edges) != want || want == 0 {
		t.Fatalf("got %d offers (totalCount %d), want %d (> 0)", len(c.Offers.Edges), c.Offers.TotalCount, want)
	}
	prev := 0.0
	for _, edge := range c.Offers.Edges {
		if edge.DistanceKm == nil || *edge.DistanceKm < prev || *edge.DistanceKm > 2.0 {
			t.Fatalf("distanceKm %v out of order or beyond the radius (previous %v)", edge.DistanceKm, prev)
		}
		prev = *edge.DistanceKm
	}
}

func TestOffersPageCostsAFixedNumberOfStoreCalls(t *testing.T) {
	e := newEnv(t)
	e.store.reset()
	var c offerConn
	e.ok(access.RolePublic, offersQuery, map[string]any{"first": 50}, &c)
	if len(c.Offers.Edges) != 50 {
		t.Fatalf("got %d offers, want 50", len(c.Offers.Edges))
	}
	providers := map[string]bool{}
	for _, edge := range c.Offers.Edges {
		providers[edge.Node.Provider.ID] = true
		if edge.Node.Provider.Name == "" {
			t.Fatalf("offer %s has no provider name", edge.Node.ID)
		}
	}
	calls := e.store.reset()
	t.Logf("50 offers from %d providers cost %v", len(providers), calls)
	if calls["SearchOffers"] != 1 {
		t.Errorf("SearchOffers called %d times, want 1", calls["SearchOffers"])
	}
	// One batch each, however the page's items are scheduled.
	for _, m := range []string{"OrganisationsByID", "DistrictsByID"} {
		if calls[m] != 1 {
			t.Errorf("%s called %d times for 50 offers, want 1", m, calls[m])
		}
	}
}

const createOffer = `mutation($in: CreateOfferInput!) { createOffer(input: $in) { id title languages provider { id } } }`

func validOffer(provider, district string) map[string]any {
	return map[string]any{
		"providerId": provider, "title": "Sprachcafé für Mütter", "category": "LANGUAGE_COURSE",
		"needs": []string{"LANGUAGE"}, "languages": []string{"de", "ar"}, "districtId": district,
		"capacity": 12, "freePlaces": 3, "ageMin": 18, "ageMax": 65,
	}
}

func TestCreateOfferBadInputNamesEveryFieldAndChangesNothing(t *testing.T) {
	e := newEnv(t)
	org := e.snap.Organisations[0]
	before, _ := e.store.Counts(t.Context())
	in := validOffer(org.ID, e.snap.Districts[0].ID)
	in["title"] = " "
	in["languages"] = []string{"de", "xx"}
	in["ageMin"] = 70
	in["location"] = map[string]any{"lat": 123.0, "lon": 7.0}
	r := e.do(access.RoleAdmin, createOffer, map[string]any{"in": in})
	got := codes(r)
	want := []string{"BAD_USER_INPUT title", "BAD_USER_INPUT languages[1]", "BAD_USER_INPUT ageMin", "BAD_USER_INPUT location.lat"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("errors %v lack %q", got, w)
		}
	}
	for _, er := range r.Errors {
		if er.Message == "" || !strings.Contains(er.Message, ":") {
			t.Errorf("message %q does not name its field", er.Message)
		}
	}
	after, _ := e.store.Counts(t.Context())
	if after != before {
		t.Errorf("counts changed from %+v to %+v", before, after)
	}
}

func TestDirectoryMutations(t *testing.T) {
	e := newEnv(t)
	district := e.snap.Districts[0].ID

	// Create, then a partial update leaves the other fields alone.
	var created struct {
		CreateOrganisation struct{ ID, Name, Phone string } `json:"createOrganisation"`
	}
	e.ok(access.RoleSteering, `mutation($in: CreateOrganisationInput!) { createOrganisation(input: $in) { id name phone } }`,
		map[string]any{"in": map[string]any{"id": "org-test", "name": "Elterncafé Nord e.V.", "kind": "MIGRANT_ORGANISATION", "districtId": district, "phone": "0212 1"}}, &created)
	if created.CreateOrganisation.ID != "org-test" {
		t.Fatalf("created %+v", created)
	}
	var updated struct {
		UpdateOrganisation struct {
			Name, Phone string
			District    struct{ ID string }
		} `json:"updateOrganisation"`
	}
	e.ok(access.RoleSteering, `mutation { updateOrganisation(id: "org-test", input: {phone: "0212 2"}) { name phone district { id } } }`, nil, &updated)
	if u := updated.UpdateOrganisation; u.Name != "Elterncafé Nord e.V." || u.Phone != "0212 2" || u.District.ID != district {
		t.Errorf("partial update gave %+v", u)
	}

	// Duplicate id and unknown references are named.
	r := e.do(access.RoleSteering, `mutation { createOrganisation(input: {id: "org-test", name: "x", kind: OTHER}) { id } }`, nil)
	if got := codes(r); !slices.Equal(got, []string{"CONFLICT id"}) {
		t.Errorf("duplicate id: %v", got)
	}
	r = e.do(access.RoleAdmin, createOffer, map[string]any{"in": validOffer("org-missing", district)})
	if got := codes(r); !slices.Equal(got, []string{"NOT_FOUND providerId"}) {
		t.Errorf("unknown provider: %v", got)
	}

	// An offer, then deleting its provider is refused and changes nothing.
	var off struct{ CreateOffer struct{ ID string } }
	e.ok(access.RoleSteering, createOffer, map[string]any{"in": validOffer("org-test", district)}, &off)
	r = e.do(access.RoleSteering, `mutation { deleteOrganisation(id: "org-test") }`, nil)
	if got := codes(r); !slices.Equal(got, []string{"CONFLICT id"}) {
		t.Errorf("delete with offers: %v", got)
	}
	var still struct {
		Organisation *struct{ Offers []struct{ ID string } }
	}
	e.ok(access.RolePublic, `{ organisation(id: "org-test") { offers { id } } }`, nil, &still)
	if still.Organisation == nil || len(still.Organisation.Offers) != 1 {
		t.Fatalf("after refused delete: %+v", still.Organisation)
	}

	// Cooperations read from both ends.
	other := e.snap.Organisations[1].ID
	e.ok(access.RoleSteering, `mutation($b: ID!) { addCooperation(input: {a: "org-test", b: $b, since: "2024-03-01", topics: ["Sprache"]}) { a { id } b { id } } }`,
		map[string]any{"b": other}, nil)
	var partners struct {
		Organisation struct {
			Partners []struct {
				Organisation struct{ ID string }
				Since        string
			}
		}
	}
	e.ok(access.RolePublic, `query($id: ID!) { organisation(id: $id) { partners { organisation { id } since } } }`, map[string]any{"id": other}, &partners)
	found := false
	for _, p := range partners.Organisation.Partners {
		found = found || (p.Organisation.ID == "org-test" && p.Since == "2024-03-01")
	}
	if !found {
		t.Errorf("cooperation not visible from %s: %+v", other, partners)
	}
	r = e.do(access.RoleSteering, `mutation($b: ID!) { addCooperation(input: {a: $b, b: "org-test"}) { a { id } } }`, map[string]any{"b": other})
	if got := codes(r); len(got) != 1 || !strings.HasPrefix(got[0], "CONFLICT") {
		t.Errorf("second cooperation of the same pair: %v", got)
	}
	var removed struct{ RemoveCooperation bool }
	e.ok(access.RoleSteering, `mutation($b: ID!) { removeCooperation(a: $b, b: "org-test") }`, map[string]any{"b": other}, &removed)
	if !removed.RemoveCooperation {
		t.Error("removeCooperation returned false")
	}

	// Delete the offer, then the organisation.
	e.ok(access.RoleSteering, `mutation($id: ID!) { deleteOffer(id: $id) }`, map[string]any{"id": off.CreateOffer.ID}, nil)
	e.ok(access.RoleSteering, `mutation { deleteOrganisation(id: "org-test") }`, nil, nil)
	var gone struct{ Organisation *struct{ ID string } }
	e.ok(access.RolePublic, `{ organisation(id: "org-test") { id } }`, nil, &gone)
	if gone.Organisation != nil {
		t.Error("organisation still there after delete")
	}
}

func TestAnonymousCreateOfferIsRefusedAndChangesNothing(t *testing.T) {
	e := newEnv(t)
	before, _ := e.store.Counts(t.Context())
	r := e.do(access.RolePublic, createOffer, map[string]any{"in": validOffer(e.snap.Organisations[0].ID, e.snap.Districts[0].ID)})
	if got := codes(r); !slices.Equal(got, []string{"UNAUTHENTICATED"}) {
		t.Errorf("anonymous createOffer: %v", got)
	}
	after, _ := e.store.Counts(t.Context())
	if after != before {
		t.Errorf("counts changed from %+v to %+v", before, after)
	}
}

func TestBadTokenIsRefused(t *testing.T) {
	e := newEnv(t)
	e.tokens[access.RoleAdmin] = "lotse_not-a-token"
	r := e.do(access.RoleAdmin, `{ districts { id } }`, nil)
	if r.Status != http.StatusUnauthorized || !slices.Equal(codes(r), []string{"UNAUTHENTICATED"}) {
		t.Errorf("status %d, errors %v", r.Status, codes(r))
	}
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	e := newEnv(t)
	e.store.Store.Close() // every store call now fails inside the driver
	r := e.do(access.RolePublic, `{ offers(first: 5) { totalCount } }`, nil)
	if len(r.Errors) == 0 {
		t.Fatal("no error from a closed store")
	}
	for _, er := range r.Errors {
		if strings.Contains(strings.ToLower(er.Message), "sql") || er.Extensions["code"] != "INTERNAL" {
			t.Errorf("error leaks or is not INTERNAL: %+v", er)
		}
	}
}

func TestHealthAndGraphiQL(t *testing.T) {
	e := newEnv(t)
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/": 200, "/graphiql": 200} {
		res, err := http.Get(e.url + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s = %d, want %d", path, res.StatusCode, want)
		}
	}
	e.store.Store.Close()
	res, err := http.Get(e.url + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("/readyz with a closed store = %d, want 503", res.StatusCode)
	}
}

func TestCORSAllowsConfiguredOriginOnly(t *testing.T) {
	e := newEnv(t)
	for origin, allowed := range map[string]bool{"https://dashboard.example.org": true, "https://evil.example.com": false} {
		req, _ := http.NewRequest(http.MethodOptions, e.url+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		got := res.Header.Get("Access-Control-Allow-Origin") == origin
		if got != allowed {
			t.Errorf("origin %s allowed = %v, want %v", origin, got, allowed)
		}
	}
}

// panickyStore panics in SearchOffers, as a bug in a backend would.
type panickyStore struct{ store.Store }

func (panickyStore) SearchOffers(context.Context, store.OfferQuery) (store.OfferPage, error) {
	panic("backend bug: index out of range")
}

func TestPanicIsRecoveredAsInternal(t *testing.T) {
	e := newEnvWrapped(t, server.Config{Introspection: true}, func(s store.Store) store.Store { return panickyStore{s} })
	r := e.do(access.RolePublic, `{ offers(first: 5) { totalCount } }`, nil)
	if got := codes(r); !slices.Equal(got, []string{"INTERNAL"}) || strings.Contains(r.Errors[0].Message, "index out of range") {
		t.Fatalf("errors %+v, want one INTERNAL that does not show the panic", r.Errors)
	}
	// The server keeps serving.
	var d struct{ Districts []struct{ ID string } }
	e.ok(access.RolePublic, `{ districts { id } }`, nil, &d)
	if len(d.Districts) != len(e.snap.Districts) {
		t.Errorf("after the panic: %d districts, want %d", len(d.Districts), len(e.snap.Districts))
	}
}

// An organisation's partners load in one batch, whatever their number.
func TestPartnersCostAFixedNumberOfStoreCalls(t *testing.T) {
	e := newEnv(t)
	degree := map[string]int{}
	for _, c := range e.snap.Cooperations {
		degree[c.A]++
		degree[c.B]++
	}
	busiest := ""
	for id, n := range degree {
		if busiest == "" || n > degree[busiest] || (n == degree[busiest] && id < busiest) {
			busiest = id
		}
	}
	if degree[busiest] < 10 {
		t.Fatalf("the demo's busiest organisation has %d partners, want ≥ 10", degree[busiest])
	}
	e.store.reset()
	var r struct {
		Organisation struct {
			Partners []struct{ Organisation struct{ Name string } }
		}
	}
	e.ok(access.RolePublic, `query($id: ID!) { organisation(id: $id) { partners { organisation { name } } workingGroups { name } } }`,
		map[string]any{"id": busiest}, &r)
	calls := e.store.reset()
	if len(r.Organisation.Partners) != degree[busiest] {
		t.Fatalf("%d partners, want %d", len(r.Organisation.Partners), degree[busiest])
	}
	// One call for the organisation itself, one for all its partners.
	if calls["OrganisationsByID"] != 2 || calls["CooperationsOf"] != 1 || calls["WorkingGroupsByID"] > 1 {
		t.Errorf("%d partners cost %v", degree[busiest], calls)
	}
}

// Optional text fields answer null, not "", when they are empty: they bind to
// the domain's …OrNil methods.
func TestEmptyOptionalFieldsAreNull(t *testing.T) {
	e := newEnv(t)
	r := e.do(access.RoleAdmin, `mutation { createOrganisation(input: {id: "org-bare", name: "Bare", kind: OTHER}) {
	  description municipality address website email phone } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	want := `{"createOrganisation":{"description":null,"municipality":null,"address":null,"website":null,"email":null,"phone":null}}`
	if string(r.Data) != want {
		t.Fatalf("data = %s, want %s", r.Data, want)
	}
}
