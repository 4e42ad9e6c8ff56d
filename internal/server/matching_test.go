package server_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

type offerMatch struct {
	Score        float64  `json:"score"`
	DistanceKm   *float64 `json:"distanceKm"`
	MatchedNeeds []string `json:"matchedNeeds"`
	Reasons      []reason `json:"reasons"`
	Warnings     []reason `json:"warnings"`
	Offer        struct {
		ID        string   `json:"id"`
		Title     string   `json:"title"`
		Category  string   `json:"category"`
		Childcare bool     `json:"childcare"`
		Languages []string `json:"languages"`
		District  *struct {
			ID string `json:"id"`
		} `json:"district"`
	} `json:"offer"`
}

type reason struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

func (m offerMatch) reason(code string) (reason, bool) {
	for _, r := range m.Reasons {
		if r.Code == code {
			return r, true
		}
	}
	return reason{}, false
}

type unmetNeed struct {
	ID       string `json:"id"`
	Need     string `json:"need"`
	District struct {
		ID string `json:"id"`
	} `json:"district"`
	Language    *string `json:"language"`
	TargetGroup *string `json:"targetGroup"`
	RecordedOn  string  `json:"recordedOn"`
}

type carePlan struct {
	Items              []offerMatch `json:"items"`
	CoveredNeeds       []string     `json:"coveredNeeds"`
	UncoveredNeeds     []string     `json:"uncoveredNeeds"`
	RecordedUnmetNeeds []unmetNeed  `json:"recordedUnmetNeeds"`
}

const matchFields = `score distanceKm matchedNeeds reasons { code text } warnings { code text }
  offer { id title category childcare languages district { id } }`

const matchQuery = `query($c: ClientProfile!, $first: Int) { matchOffers(client: $c, first: $first) { ` + matchFields + ` } }`

const carePlanQuery = `query($c: ClientProfile!, $record: Boolean) { carePlan(client: $c, record: $record) {
  items { ` + matchFields + ` } coveredNeeds uncoveredNeeds
  recordedUnmetNeeds { id need district { id } language targetGroup recordedOn } } }`

// scenarioRadiusKm keeps the example client to walking distance in Ohligs:
// the demo has no ACTIVE offer for demo.ScenarioUncoveredNeed (HOUSING) in
// Ohligs and none in Arabic in Solingen, but German-only ones farther out,
// which the default radius of 15 km would reach and matching would count
// (language is a soft criterion). TestScenarioPremise checks the gap.
const scenarioRadiusKm = 1.5

// mother is the example client: an Arabic-speaking mother of two
// small children in Solingen-Ohligs who needs a German course, childcare
// during it, help with the Jobcenter, and (the honest gap) housing.
func mother() map[string]any {
	sc := demo.DemoScenario()
	return map[string]any{
		"needs":          []string{"LANGUAGE", "FAMILY_CHILDCARE", "WORK", string(sc.UncoveredNeed)},
		"languages":      []string{sc.Language},
		"districtId":     sc.DistrictID,
		"maxDistanceKm":  scenarioRadiusKm,
		"targetGroups":   []string{"WOMEN", "PARENTS"},
		"needsChildcare": true,
		"legalCircuits":  []string{"SGB_II", "AUFENTHG"},
	}
}

func with(c map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range c {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(out, kv[i].(string))
		} else {
			out[kv[i].(string)] = kv[i+1]
		}
	}
	return out
}

func district(t *testing.T, s directory.Snapshot, id string) directory.District {
	t.Helper()
	for _, d := range s.Districts {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("demo has no district %s", id)
	return directory.District{}
}

// TestScenarioPremise checks what the matching tests rely on in the demo
// data, so that a change there fails here with a clear message.
func TestScenarioPremise(t *testing.T) {
	s := demoSnapshot()
	sc := demo.DemoScenario()
	centre := *district(t, s, sc.DistrictID).Centre
	for _, o := range s.Offers {
		if o.Status == directory.StatusActive && o.Location != nil && slices.Contains(o.Needs, sc.UncoveredNeed) &&
			directory.DistanceKm(centre, *o.Location) <= scenarioRadiusKm {
			t.Errorf("offer %s (%s) addresses %s within %.0f km of %s: the scenario's gap is gone",
				o.ID, o.Title, sc.UncoveredNeed, scenarioRadiusKm, sc.DistrictID)
		}
	}
}

func TestMatchOffersExampleClient(t *testing.T) {
	e := newEnv(t)
	sc := demo.DemoScenario()
	var out struct {
		MatchOffers []offerMatch `json:"matchOffers"`
	}
	e.store.reset()
	e.ok(access.RolePublic, matchQuery, map[string]any{"c": mother(), "first": 10}, &out)
	if calls := e.store.reset(); calls["SearchOffers"] != 1 {
		t.Errorf("matchOffers made %d SearchOffers calls, want 1 (%v)", calls["SearchOffers"], calls)
	}
	ms := out.MatchOffers
	if len(ms) == 0 || len(ms) > 10 {
		t.Fatalf("got %d matches, want 1..10", len(ms))
	}

	// First: a German course with childcare in or near Ohligs.
	top := ms[0]
	if c := top.Offer.Category; c != "INTEGRATION_COURSE" && c != "LANGUAGE_COURSE" {
		t.Errorf("first match %s is a %s, want a German course", top.Offer.ID, c)
	}
	if !top.Offer.Childcare {
		t.Errorf("first match %s has no childcare", top.Offer.ID)
	}
	if top.DistanceKm == nil || *top.DistanceKm > scenarioRadiusKm {
		t.Errorf("first match %s is %v km away, want within %v km", top.Offer.ID, top.DistanceKm, scenarioRadiusKm)
	}
	if top.Offer.ID != sc.CourseID {
		t.Logf("first match is %s, not the scenario's course %s", top.Offer.ID, sc.CourseID)
	}
	if _, ok := top.reason("CHILDCARE"); !ok {
		t.Errorf("first match lacks the CHILDCARE reason: %+v", top.Reasons)
	}
	if !slices.Contains(top.MatchedNeeds, "FAMILY_CHILDCARE") {
		t.Errorf("a course with childcare should cover FAMILY_CHILDCARE for a client who needs childcare: %v", top.MatchedNeeds)
	}

	// An Arabic-speaking counselling offer, said so in German.
	found := false
	for _, m := range ms {
		r, ok := m.reason("LANGUAGE")
		switch m.Offer.Category {
		case "MIGRATION_COUNSELLING", "SOCIAL_COUNSELLING", "CASE_MANAGEMENT":
			if ok && r.Text == "spricht Arabisch" && slices.Contains(m.Offer.Languages, "ar") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no Arabic-speaking counselling offer among the matches: %v", titles(ms))
	}

	// Ranked best first, deterministic ties by id, every match explained.
	for i, m := range ms {
		if m.Score < 0 || m.Score > 1 {
			t.Errorf("%s: score %v outside [0,1]", m.Offer.ID, m.Score)
		}
		if i > 0 && (m.Score > ms[i-1].Score || m.Score == ms[i-1].Score && m.Offer.ID < ms[i-1].Offer.ID) {
			t.Errorf("matches %d and %d are out of order", i-1, i)
		}
		if len(m.MatchedNeeds) == 0 || len(m.Reasons) == 0 {
			t.Errorf("%s: no matched needs or reasons", m.Offer.ID)
		}
		if m.DistanceKm == nil || *m.DistanceKm > scenarioRadiusKm {
			t.Errorf("%s: distance %v beyond maxDistanceKm", m.Offer.ID, m.DistanceKm)
		}
	}
}

func titles(ms []offerMatch) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Offer.ID+" "+m.Offer.Title)
	}
	return out
}

func TestCarePlanExampleClient(t *testing.T) {
	e := newEnv(t)
	sc := demo.DemoScenario()
	var out struct {
		CarePlan carePlan `json:"carePlan"`
	}
	e.ok(access.RoleCaseManager, carePlanQuery, map[string]any{"c": mother()}, &out)
	p := out.CarePlan
	if want := []string{"LANGUAGE", "FAMILY_CHILDCARE", "WORK"}; !slices.Equal(p.CoveredNeeds, want) {
		t.Errorf("covered %v, want %v", p.CoveredNeeds, want)
	}
	if want := []string{string(sc.UncoveredNeed)}; !slices.Equal(p.UncoveredNeeds, want) {
		t.Errorf("uncovered %v, want %v (the demo has no such offer in reach)", p.UncoveredNeeds, want)
	}
	if len(p.RecordedUnmetNeeds) != 0 {
		t.Errorf("record defaults to false, but %d unmet needs were recorded", len(p.RecordedUnmetNeeds))
	}
	if len(p.Items) == 0 || len(p.Items) > 4 {
		t.Fatalf("plan has %d items: %v", len(p.Items), titles(p.Items))
	}
	if c := p.Items[0].Offer; (c.Category != "INTEGRATION_COURSE" && c.Category != "LANGUAGE_COURSE") || !c.Childcare {
		t.Errorf("plan should start with a German course with childcare, got %s %s", c.ID, c.Title)
	}
	covered := map[string]bool{}
	for _, it := range p.Items {
		for _, n := range it.MatchedNeeds {
			covered[n] = true
		}
	}
	for _, n := range p.CoveredNeeds {
		if !covered[n] {
			t.Errorf("need %s reported covered but no item matches it", n)
		}
	}
}

func TestCarePlanRecordsOnlyTheUncoveredNeeds(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	sc := demo.DemoScenario()
	before, err := e.store.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		CarePlan carePlan `json:"carePlan"`
	}
	e.ok(access.RoleCaseManager, carePlanQuery, map[string]any{"c": mother(), "record": true}, &out)
	p := out.CarePlan
	if len(p.RecordedUnmetNeeds) != len(p.UncoveredNeeds) || len(p.UncoveredNeeds) != 1 {
		t.Fatalf("recorded %d unmet needs for uncovered %v", len(p.RecordedUnmetNeeds), p.UncoveredNeeds)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	r := p.RecordedUnmetNeeds[0]
	if r.Need != string(sc.UncoveredNeed) || r.District.ID != sc.DistrictID || r.Language == nil || *r.Language != "ar" ||
		r.TargetGroup == nil || *r.TargetGroup != "WOMEN" || r.RecordedOn != today || !strings.HasPrefix(r.ID, "unm-") {
		t.Errorf("recorded %+v", r)
	}

	after, err := e.store.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(after.UnmetNeeds) - len(before.UnmetNeeds); got != 1 {
		t.Fatalf("store holds %d more unmet needs, want 1", got)
	}
	var stored *directory.UnmetNeed
	for i, u := range after.UnmetNeeds {
		if u.ID == r.ID {
			stored = &after.UnmetNeeds[i]
		}
	}
	want := directory.UnmetNeed{ID: r.ID, Need: sc.UncoveredNeed, DistrictID: sc.DistrictID, Language: "ar",
		TargetGroup: directory.GroupWomen, RecordedOn: today}
	if stored == nil || *stored != want {
		t.Fatalf("stored %+v, want %+v", stored, want)
	}

	// The audit entry says who recorded, not who the client is.
	log, err := e.store.AuditLog(ctx, store.AuditFilter{Action: "carePlan.record"}, store.Page{First: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(log.Entries) != 1 || log.Entries[0].ActorID != "tok-case_manager" || log.Entries[0].EntityType != "UnmetNeed" {
		t.Fatalf("audit entries %+v", log.Entries)
	}
	for _, ch := range log.Entries[0].Changes {
		for _, leak := range []string{"SGB_II", "AUFENTHG", "PARENTS", "FAMILY_CHILDCARE", "maxDistance", "needsChildcare"} {
			if strings.Contains(ch.New, leak) {
				t.Errorf("audit entry carries client data %q: %s", leak, ch.New)
			}
		}
	}

	// A location without districtId (here: the centre of Ohligs) records in
	// the nearest district.
	loc := *district(t, e.snap, sc.DistrictID).Centre
	c := with(mother(), "districtId", nil, "location", map[string]any{"lat": loc.Lat, "lon": loc.Lon})
	e.ok(access.RoleCaseManager, carePlanQuery, map[string]any{"c": c, "record": true}, &out)
	if rs := out.CarePlan.RecordedUnmetNeeds; len(rs) != 1 || rs[0].District.ID != sc.DistrictID {
		t.Errorf("location client recorded %+v, want one in %s", rs, sc.DistrictID)
	}

	// Nothing uncovered: nothing recorded.
	n, _ := e.store.Counts(ctx)
	e.ok(access.RoleCaseManager, carePlanQuery, map[string]any{"c": with(mother(), "needs", []string{"LANGUAGE"}), "record": true}, &out)
	if m, _ := e.store.Counts(ctx); m.UnmetNeeds != n.UnmetNeeds || len(out.CarePlan.RecordedUnmetNeeds) != 0 {
		t.Errorf("a fully covered plan recorded %d unmet needs", m.UnmetNeeds-n.UnmetNeeds)
	}
}

func TestCarePlanAndRecordNeedCaseManagement(t *testing.T) {
	e := newEnv(t)
	ctx := t.Context()
	n, _ := e.store.Counts(ctx)
	const record = `mutation($in: UnmetNeedInput!) { recordUnmetNeed(input: $in) { id need district { id name } language targetGroup recordedOn } }`
	in := map[string]any{"need": "HOUSING", "districtId": "sg-ohligs", "language": "ar", "targetGroup": "WOMEN"}
	for _, tc := range []struct {
		role access.Role
		want string
	}{{access.RolePublic, "UNAUTHENTICATED"}, {access.RolePartner, "FORBIDDEN"}} {
		r := e.do(tc.role, carePlanQuery, map[string]any{"c": mother(), "record": true})
		if got := codes(r); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("carePlan as %s: %v, want %s", tc.role, got, tc.want)
		}
		r = e.do(tc.role, record, map[string]any{"in": in})
		if got := codes(r); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("recordUnmetNeed as %s: %v, want %s", tc.role, got, tc.want)
		}
	}
	if m, _ := e.store.Counts(ctx); m.UnmetNeeds != n.UnmetNeeds {
		t.Fatalf("refused calls recorded %d unmet needs", m.UnmetNeeds-n.UnmetNeeds)
	}
	// matchOffers is public.
	if r := e.do(access.RolePublic, matchQuery, map[string]any{"c": mother()}); len(r.Errors) > 0 {
		t.Errorf("matchOffers as PUBLIC: %v", r.Errors)
	}

	var out struct {
		RecordUnmetNeed unmetNeed `json:"recordUnmetNeed"`
	}
	e.ok(access.RoleCaseManager, record, map[string]any{"in": in}, &out)
	u := out.RecordUnmetNeed
	if u.Need != "HOUSING" || u.District.ID != "sg-ohligs" || deref(u.Language) != "ar" || deref(u.TargetGroup) != "WOMEN" ||
		u.RecordedOn != time.Now().UTC().Format(time.DateOnly) {
		t.Errorf("recorded %+v", u)
	}
	e.ok(access.RoleSteering, record, map[string]any{"in": map[string]any{"need": "HEALTH", "districtId": "wu-barmen", "recordedOn": "2026-09-30"}}, &out)
	if u := out.RecordUnmetNeed; u.Language != nil || u.TargetGroup != nil || u.RecordedOn != "2026-09-30" {
		t.Errorf("recorded %+v", u)
	}
	if m, _ := e.store.Counts(ctx); m.UnmetNeeds != n.UnmetNeeds+2 {
		t.Errorf("store holds %d more unmet needs, want 2", m.UnmetNeeds-n.UnmetNeeds)
	}

	for _, tc := range []struct {
		in   map[string]any
		want []string
	}{
		{with(in, "districtId", "nope"), []string{"NOT_FOUND districtId"}},
		{with(in, "language", "xx"), []string{"BAD_USER_INPUT language"}},
		{with(in, "recordedOn", "30.09.2026"), []string{"BAD_USER_INPUT recordedOn"}},
	} {
		r := e.do(access.RoleCaseManager, record, map[string]any{"in": tc.in})
		if got := codes(r); !slices.Equal(got, tc.want) {
			t.Errorf("recordUnmetNeed(%v): %v, want %v", tc.in, got, tc.want)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestMatchingBadProfiles(t *testing.T) {
	e := newEnv(t)
	sc := demo.DemoScenario()
	centre := *district(t, e.snap, sc.DistrictID).Centre
	far := map[string]any{"lat": centre.Lat + 0.5, "lon": centre.Lon} // about 55 km north
	for _, tc := range []struct {
		name  string
		c     map[string]any
		first any
		want  []string
	}{
		{"no needs", with(mother(), "needs", []string{}), 10, []string{"BAD_USER_INPUT needs"}},
		{"negative distance", with(mother(), "maxDistanceKm", -1), 10, []string{"BAD_USER_INPUT maxDistanceKm"}},
		{"unknown district", with(mother(), "districtId", "nope"), 10, []string{"BAD_USER_INPUT districtId"}},
		{"location contradicts district", with(mother(), "location", far), 10, []string{"BAD_USER_INPUT location"}},
		{"unknown language", with(mother(), "languages", []string{"ar", "xx"}), 10, []string{"BAD_USER_INPUT languages[1]"}},
		{"two problems", with(mother(), "needs", []string{}, "age", 200), 10, []string{"BAD_USER_INPUT needs", "BAD_USER_INPUT age"}},
		{"first 0", mother(), 0, []string{"BAD_USER_INPUT first"}},
		{"first too large", mother(), 101, []string{"BAD_USER_INPUT first"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := e.do(access.RoleCaseManager, matchQuery, map[string]any{"c": tc.c, "first": tc.first})
			if got := codes(r); !slices.Equal(got, tc.want) {
				t.Errorf("matchOffers: %v, want %v (%v)", got, tc.want, r.Errors)
			}
			if tc.first != 10 {
				return
			}
			r = e.do(access.RoleCaseManager, carePlanQuery, map[string]any{"c": tc.c, "record": true})
			if got := codes(r); !slices.Equal(got, tc.want) {
				t.Errorf("carePlan: %v, want %v (%v)", got, tc.want, r.Errors)
			}
		})
	}
	// record: true needs somewhere to record in.
	r := e.do(access.RoleCaseManager, carePlanQuery, map[string]any{"c": with(mother(), "districtId", nil, "maxDistanceKm", nil), "record": true})
	if got := codes(r); !slices.Equal(got, []string{"BAD_USER_INPUT districtId"}) {
		t.Errorf("carePlan(record) without place: %v", got)
	}
}

func TestMatchingIsDeterministic(t *testing.T) {
	e := newEnv(t)
	noRadius := with(mother(), "maxDistanceKm", nil)
	noPlace := with(mother(), "districtId", nil, "maxDistanceKm", nil)
	for _, c := range []map[string]any{mother(), noRadius, noPlace} {
		for _, q := range []struct {
			role  access.Role
			query string
			vars  map[string]any
		}{
			{access.RolePublic, matchQuery, map[string]any{"c": c, "first": 100}},
			{access.RoleCaseManager, carePlanQuery, map[string]any{"c": c}},
		} {
			a := e.do(q.role, q.query, q.vars)
			b := e.do(q.role, q.query, q.vars)
			if len(a.Errors) > 0 || len(b.Errors) > 0 {
				t.Fatalf("errors: %v %v", a.Errors, b.Errors)
			}
			if !bytes.Equal(a.Data, b.Data) {
				t.Errorf("same query, different answers:\n%s\n%s", a.Data, b.Data)
			}
		}
	}
}

func TestCarePlanAddsChildcareNearACourseWithout(t *testing.T) {
	e := newEnv(t)
	// By Wald's courses, which the demo leaves without childcare; the client
	// speaks Dari, as the Frauenintegrationskurs there does.
	var course directory.Offer
	for _, o := range e.snap.Offers {
		if o.ID == demo.WaldWomenCourseID {
			course = o
		}
	}
	if course.ID == "" || course.Childcare || course.Location == nil {
		t.Fatalf("demo premise: %s should be a located course without childcare: %+v", demo.WaldWomenCourseID, course)
	}
	c := map[string]any{"needs": []string{"LANGUAGE"}, "languages": []string{"fa"}, "needsChildcare": true,
		"location": map[string]any{"lat": course.Location.Lat, "lon": course.Location.Lon}, "maxDistanceKm": 0.5}
	var out struct {
		CarePlan carePlan `json:"carePlan"`
	}
	e.store.reset()
	e.ok(access.RoleCaseManager, carePlanQuery, map[string]any{"c": c}, &out)
	if calls := e.store.reset(); calls["SearchOffers"] != 2 {
		t.Errorf("carePlan made %d SearchOffers calls, want 2 (candidates, childcare near the course)", calls["SearchOffers"])
	}
	items := out.CarePlan.Items
	if len(items) != 2 || items[0].Offer.Childcare {
		t.Fatalf("want a course without childcare and a childcare offer, got %v", titles(items))
	}
	cc := items[1]
	r, ok := cc.reason("NEAR_COURSE")
	if cat := cc.Offer.Category; cat != "CHILDCARE" && cat != "PASSAGE_GROUP" || !ok || !strings.Contains(r.Text, items[0].Offer.Title) {
		t.Fatalf("second item %s (%s) is not childcare near the course: %+v", cc.Offer.ID, cc.Offer.Category, cc.Reasons)
	}
	at := map[string]*directory.GeoPoint{}
	for _, o := range e.snap.Offers {
		at[o.ID] = o.Location
	}
	if km := directory.DistanceKm(*at[items[0].Offer.ID], *at[cc.Offer.ID]); km > 2 {
		t.Errorf("childcare %s lies %.1f km from the course %s", cc.Offer.ID, km, items[0].Offer.ID)
	}
}
