package server_test

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
)

// The steering API end to end, over the demo network: the report must name
// the tensions the demo was built with, and suppress small counts for
// readers outside case management and steering.

const gapReportQuery = `query($m: String, $needs: [NeedArea!]) {
  gapReport(municipality: $m, needs: $needs) {
    municipality
    cells { district { id name } need activeOffers freePlaces offersPer10k unmetNeeds suppressed level }
    structuralGaps { kind district { id } need offer { id } organisation { id } language detail }
  }
}`

type gapReportResp struct {
	GapReport struct {
		Municipality *string `json:"municipality"`
		Cells        []struct {
			District struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"district"`
			Need         directory.NeedArea `json:"need"`
			ActiveOffers int                `json:"activeOffers"`
			FreePlaces   int                `json:"freePlaces"`
			OffersPer10k float64            `json:"offersPer10k"`
			UnmetNeeds   *int               `json:"unmetNeeds"`
			Suppressed   bool               `json:"suppressed"`
			Level        string             `json:"level"`
		} `json:"cells"`
		StructuralGaps []struct {
			Kind     string               `json:"kind"`
			District *struct{ ID string } `json:"district"`
			Need     *directory.NeedArea  `json:"need"`
			Offer    *struct{ ID string } `json:"offer"`
			Org      *struct{ ID string } `json:"organisation"`
			Language *string              `json:"language"`
			Detail   string               `json:"detail"`
		} `json:"structuralGaps"`
	} `json:"gapReport"`
}

// gapKeys returns the gaps of kind as keys made by key, sorted.
func (r gapReportResp) gapKeys(kind string, key func(district, offer, language string, need directory.NeedArea) string) []string {
	var out []string
	for _, g := range r.GapReport.StructuralGaps {
		if g.Kind != kind {
			continue
		}
		var d, o, l string
		var n directory.NeedArea
		if g.Need != nil {
			n = *g.Need
		}
		if g.District != nil {
			d = g.District.ID
		}
		if g.Offer != nil {
			o = g.Offer.ID
		}
		if g.Language != nil {
			l = *g.Language
		}
		out = append(out, key(d, o, l, n))
	}
	sort.Strings(out)
	return out
}

func offerKey(_, o, _ string, _ directory.NeedArea) string    { return o }
func districtKey(d, _, _ string, _ directory.NeedArea) string { return d }
func langKey(d, _, l string, n directory.NeedArea) string     { return d + "|" + l + "|" + string(n) }

func uniqueSorted(list []string) []string {
	out := slices.Clone(list)
	sort.Strings(out)
	return slices.Compact(out)
}

func sameSteeringSet(t *testing.T, what string, got, want []string) {
	t.Helper()
	got, want = uniqueSorted(got), uniqueSorted(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got %d %v\nwant %d %v", what, len(got), got, len(want), want)
	}
}

func steeringSubset(t *testing.T, what string, sub, of []string) {
	t.Helper()
	for _, s := range sub {
		if !slices.Contains(of, s) {
			t.Errorf("%s: %s is missing", what, s)
		}
	}
}

// expectedGaps computes the structural gaps of a snapshot from its data,
// independently of internal/gaps and the store.
type expectedGaps struct {
	coursesWithoutChildcare, alwaysFull, unfunded, noPassage, languageNotCovered []string
}

func computeGaps(s directory.Snapshot) expectedGaps {
	var e expectedGaps
	active := func(o directory.Offer) bool { return o.Status == directory.StatusActive }
	var care []directory.GeoPoint
	passage := map[string]bool{}
	held := map[string]bool{} // district|language|need of active offers
	for _, o := range s.Offers {
		if !active(o) {
			continue
		}
		if (o.Category == directory.CategoryChildcare || o.Category == directory.CategoryPassageGroup) && o.Location != nil {
			care = append(care, *o.Location)
		}
		if o.Category == directory.CategoryPassageGroup {
			passage[o.DistrictID] = true
		}
		for _, l := range o.Languages {
			for _, n := range o.Needs {
				held[o.DistrictID+"|"+l+"|"+string(n)] = true
			}
		}
	}
	for _, o := range s.Offers {
		if o.DistrictID == "" || len(o.Needs) == 0 {
			continue
		}
		course := o.Category == directory.CategoryIntegrationCourse || o.Category == directory.CategoryLanguageCourse
		if active(o) && course && !o.Childcare && o.Location != nil &&
			!slices.ContainsFunc(care, func(p directory.GeoPoint) bool { return directory.DistanceKm(*o.Location, p) <= 1.0 }) {
			e.coursesWithoutChildcare = append(e.coursesWithoutChildcare, o.ID)
		}
		if active(o) && o.Capacity != nil && *o.Capacity > 0 && o.FreePlaces != nil && *o.FreePlaces == 0 {
			e.alwaysFull = append(e.alwaysFull, o.ID)
		}
		if (o.Status == directory.StatusPlanned || o.Status == directory.StatusPaused) &&
			(o.Funding == directory.FundingUnfunded || o.Funding == directory.FundingApplied) {
			e.unfunded = append(e.unfunded, o.ID)
		}
	}
	for _, d := range s.Districts {
		if !passage[d.ID] {
			e.noPassage = append(e.noPassage, d.ID)
		}
	}
	for _, u := range s.UnmetNeeds {
		if k := u.DistrictID + "|" + u.Language + "|" + string(u.Need); u.Language != "" && !held[k] {
			e.languageNotCovered = append(e.languageNotCovered, k)
		}
	}
	return e
}

func TestGapReportNamesTheDemoTensions(t *testing.T) {
	e := newEnv(t)
	tn := demo.FindTensions(e.snap)
	want := computeGaps(e.snap)
	var r gapReportResp
	e.ok(access.RoleSteering, gapReportQuery, nil, &r)

	if r.GapReport.Municipality != nil {
		t.Errorf("municipality of a report over Solingen and Wuppertal = %q, want null", *r.GapReport.Municipality)
	}
	if got, want := len(r.GapReport.Cells), len(e.snap.Districts)*len(directory.NeedAreas); got != want {
		t.Errorf("%d cells, want %d (districts × need areas)", got, want)
	}

	courses := r.gapKeys("COURSE_WITHOUT_CHILDCARE", offerKey)
	steeringSubset(t, "COURSE_WITHOUT_CHILDCARE for demo.CoursesWithoutChildcare", tn.CoursesWithoutChildcare, courses)
	sameSteeringSet(t, "COURSE_WITHOUT_CHILDCARE (integration and language courses)", courses, want.coursesWithoutChildcare)

	noPassage := r.gapKeys("NO_PASSAGE_GROUP", districtKey)
	sameSteeringSet(t, "NO_PASSAGE_GROUP = demo.DistrictsWithoutPassageGroup", noPassage, tn.DistrictsWithoutPassageGroup)
	sameSteeringSet(t, "NO_PASSAGE_GROUP", noPassage, want.noPassage)

	full := r.gapKeys("ALWAYS_FULL", offerKey)
	sameSteeringSet(t, "ALWAYS_FULL = demo.FullOffers", full, tn.FullOffers)

	unfunded := r.gapKeys("UNFUNDED", offerKey)
	steeringSubset(t, "UNFUNDED for demo.UnfundedPassageGroups", tn.UnfundedPassageGroups, unfunded)
	sameSteeringSet(t, "UNFUNDED (every category)", unfunded, want.unfunded)

	languages := r.gapKeys("LANGUAGE_NOT_COVERED", langKey)
	sameSteeringSet(t, "LANGUAGE_NOT_COVERED", languages, want.languageNotCovered)

	// Every offer gap names its offer's provider; every gap has a German detail.
	providers := map[string]string{}
	for _, o := range e.snap.Offers {
		providers[o.ID] = o.ProviderID
	}
	for _, g := range r.GapReport.StructuralGaps {
		if g.Detail == "" {
			t.Errorf("%s gap without detail", g.Kind)
		}
		if g.Offer != nil && (g.Org == nil || g.Org.ID != providers[g.Offer.ID]) {
			t.Errorf("%s gap of offer %s does not name its provider %s", g.Kind, g.Offer.ID, providers[g.Offer.ID])
		}
	}
}

// The demo was built with unmet needs in languages that no offer for that
// need area in the district is held in (demo.UnmetLanguage); the report
// names each of them.
func TestGapReportLanguageTensions(t *testing.T) {
	e := newEnv(t)
	var r gapReportResp
	e.ok(access.RoleSteering, gapReportQuery, nil, &r)
	got := r.gapKeys("LANGUAGE_NOT_COVERED", langKey)
	tensions := demo.FindTensions(e.snap).UnmetLanguage
	if len(tensions) == 0 {
		t.Fatal("the demo data has no unmet needs in an uncovered language")
	}
	for _, u := range tensions {
		if k := u.District + "|" + u.Language + "|" + string(u.Need); !slices.Contains(got, k) {
			t.Errorf("LANGUAGE_NOT_COVERED lacks %s", k)
		}
	}
}

func TestGapReportCellsFromTheDemoData(t *testing.T) {
	e := newEnv(t)
	var r gapReportResp
	e.ok(access.RoleCaseManager, gapReportQuery, map[string]any{"m": "Solingen"}, &r)
	if r.GapReport.Municipality == nil || *r.GapReport.Municipality != "Solingen" {
		t.Errorf("municipality = %v, want Solingen", r.GapReport.Municipality)
	}
	type key struct {
		district string
		need     directory.NeedArea
	}
	offers, free, unmet := map[key]int{}, map[key]int{}, map[key]int{}
	for _, o := range e.snap.Offers {
		if o.Status != directory.StatusActive {
			continue
		}
		for _, n := range o.Needs {
			offers[key{o.DistrictID, n}]++
			if o.FreePlaces != nil {
				free[key{o.DistrictID, n}] += *o.FreePlaces
			}
		}
	}
	for _, u := range e.snap.UnmetNeeds {
		unmet[key{u.DistrictID, u.Need}]++
	}
	population := map[string]int{}
	solingen := 0
	for _, d := range e.snap.Districts {
		population[d.ID] = d.Population
		if d.Municipality == "Solingen" {
			solingen++
		}
	}
	if len(r.GapReport.Cells) != solingen*len(directory.NeedAreas) {
		t.Fatalf("%d cells, want %d", len(r.GapReport.Cells), solingen*len(directory.NeedAreas))
	}
	for _, c := range r.GapReport.Cells {
		k := key{c.District.ID, c.Need}
		if c.ActiveOffers != offers[k] || c.FreePlaces != free[k] {
			t.Errorf("%v: %d offers, %d free places; want %d, %d", k, c.ActiveOffers, c.FreePlaces, offers[k], free[k])
		}
		if c.UnmetNeeds == nil || *c.UnmetNeeds != unmet[k] || c.Suppressed {
			t.Errorf("%v for a case manager: unmet %v suppressed %v, want %d", k, c.UnmetNeeds, c.Suppressed, unmet[k])
		}
		if want := float64(offers[k]) * 10000 / float64(population[k.district]); c.OffersPer10k != want {
			t.Errorf("%v: offersPer10k %v, want %v", k, c.OffersPer10k, want)
		}
		wantLevel := "OK"
		switch {
		case offers[k] == 0:
			wantLevel = "NONE"
		case c.OffersPer10k < 1 || unmet[k] >= 5 && unmet[k] >= offers[k]:
			wantLevel = "LOW"
		}
		if c.Level != wantLevel {
			t.Errorf("%v: level %s, want %s", k, c.Level, wantLevel)
		}
	}

	// Asked for some need areas, the report has their cells only.
	e.ok(access.RoleSteering, gapReportQuery, map[string]any{"m": "Wuppertal", "needs": []string{"WORK", "LANGUAGE"}}, &r)
	for _, c := range r.GapReport.Cells {
		if c.Need != directory.NeedLanguage && c.Need != directory.NeedWork {
			t.Errorf("cell of %s in a report for LANGUAGE, WORK", c.Need)
		}
	}
	for _, g := range r.GapReport.StructuralGaps {
		if g.Kind == "NO_PASSAGE_GROUP" {
			t.Errorf("NO_PASSAGE_GROUP (FAMILY_CHILDCARE) in a report for LANGUAGE, WORK")
		}
	}
}

func TestGapReportSuppressesSmallCounts(t *testing.T) {
	e := newEnv(t)
	counts := map[string]int{}
	for _, u := range e.snap.UnmetNeeds {
		counts[u.DistrictID+"|"+string(u.Need)]++
	}
	var small, large []string
	for k, n := range counts {
		if n < 5 {
			small = append(small, k)
		} else {
			large = append(large, k)
		}
	}
	if len(small) == 0 {
		t.Fatal("the demo has no cell with 1–4 unmet needs")
	}
	cells := func(role access.Role) map[string]struct {
		v *int
		s bool
	} {
		var r gapReportResp
		e.ok(role, gapReportQuery, nil, &r)
		out := map[string]struct {
			v *int
			s bool
		}{}
		for _, c := range r.GapReport.Cells {
			out[c.District.ID+"|"+string(c.Need)] = struct {
				v *int
				s bool
			}{c.UnmetNeeds, c.Suppressed}
		}
		return out
	}
	admin, steering := cells(access.RoleAdmin), cells(access.RoleSteering)
	for _, k := range small {
		if c := admin[k]; c.v != nil || !c.s {
			t.Errorf("ADMIN sees cell %s (%d unmet needs) as %v suppressed=%v, want null + suppressed", k, counts[k], c.v, c.s)
		}
		if c := steering[k]; c.v == nil || *c.v != counts[k] || c.s {
			t.Errorf("STEERING sees cell %s as %v suppressed=%v, want %d", k, c.v, c.s, counts[k])
		}
	}
	for _, k := range large {
		if c := admin[k]; c.v == nil || *c.v != counts[k] || c.s {
			t.Errorf("ADMIN sees cell %s as %v, want %d (≥ 5 is shown)", k, c.v, counts[k])
		}
	}
	zero := 0
	for k, c := range admin {
		if counts[k] == 0 {
			zero++
			if c.v == nil || *c.v != 0 || c.s {
				t.Errorf("ADMIN sees empty cell %s as %v suppressed=%v, want 0", k, c.v, c.s)
			}
		}
	}
	if zero == 0 {
		t.Error("the demo has no cell without unmet needs")
	}

	// unmetNeedCounts follows the same rule.
	const q = `query($f: UnmetNeedFilter) { unmetNeedCounts(filter: $f) { district { id } need language targetGroup count suppressed } }`
	type countsResp struct {
		UnmetNeedCounts []struct {
			District   struct{ ID string } `json:"district"`
			Count      *int                `json:"count"`
			Suppressed bool                `json:"suppressed"`
		} `json:"unmetNeedCounts"`
	}
	var a, s countsResp
	e.ok(access.RoleAdmin, q, nil, &a)
	e.ok(access.RoleSteering, q, nil, &s)
	total := 0
	for _, c := range s.UnmetNeedCounts {
		if c.Count == nil || c.Suppressed {
			t.Fatalf("STEERING sees a suppressed count: %+v", c)
		}
		total += *c.Count
	}
	if total != len(e.snap.UnmetNeeds) {
		t.Errorf("STEERING counts sum to %d, want %d unmet needs", total, len(e.snap.UnmetNeeds))
	}
	if len(a.UnmetNeedCounts) != len(s.UnmetNeedCounts) {
		t.Fatalf("ADMIN sees %d counts, STEERING %d", len(a.UnmetNeedCounts), len(s.UnmetNeedCounts))
	}
	for i, c := range a.UnmetNeedCounts {
		n := *s.UnmetNeedCounts[i].Count
		if n < 5 && (c.Count != nil || !c.Suppressed) || n >= 5 && (c.Count == nil || *c.Count != n) {
			t.Errorf("ADMIN sees count %d as %v suppressed=%v", n, c.Count, c.Suppressed)
		}
	}
	r := e.do(access.RoleSteering, q, map[string]any{"f": map[string]any{"since": "2026-13-01"}})
	if got := codes(r); !slices.Equal(got, []string{"BAD_USER_INPUT filter.since"}) {
		t.Errorf("since 2026-13-01: %v", got)
	}
}

func TestSteeringReportsNeedAReportReader(t *testing.T) {
	e := newEnv(t)
	for _, q := range []string{
		`{ gapReport { cells { need } } }`,
		`{ networkReport { organisations } }`,
		`{ unmetNeedCounts { count } }`,
	} {
		if got := codes(e.do(access.RolePublic, q, nil)); !slices.Equal(got, []string{"UNAUTHENTICATED"}) {
			t.Errorf("%s as PUBLIC: %v, want UNAUTHENTICATED", q, got)
		}
		if got := codes(e.do(access.RolePartner, q, nil)); !slices.Equal(got, []string{"FORBIDDEN"}) {
			t.Errorf("%s as PARTNER: %v, want FORBIDDEN", q, got)
		}
		for _, role := range []access.Role{access.RoleAdmin, access.RoleSteering, access.RoleCaseManager} {
			e.ok(role, q, nil, nil)
		}
	}
	for _, q := range []string{
		`{ gapReport(municipality: "Atlantis") { cells { need } } }`,
		`{ networkReport(municipality: "Atlantis") { organisations } }`,
	} {
		if got := codes(e.do(access.RoleSteering, q, nil)); !slices.Equal(got, []string{"NOT_FOUND municipality"}) {
			t.Errorf("%s: %v, want NOT_FOUND municipality", q, got)
		}
	}
}

const networkReportQuery = `query($m: String) {
  networkReport(municipality: $m) {
    municipality organisations cooperations density componentCount
    components { size organisationIds }
    isolated { id }
    brokers { organisation { id } betweenness }
    kindMatrix { a b cooperations }
    noPathToJobcenter { id }
    noPathToImmigrationOffice { id }
  }
}`

type networkReportResp struct {
	NetworkReport struct {
		Municipality   *string `json:"municipality"`
		Organisations  int     `json:"organisations"`
		Cooperations   int     `json:"cooperations"`
		Density        float64 `json:"density"`
		ComponentCount int     `json:"componentCount"`
		Components     []struct {
			Size            int      `json:"size"`
			OrganisationIDs []string `json:"organisationIds"`
		} `json:"components"`
		Isolated []struct{ ID string } `json:"isolated"`
		Brokers  []struct {
			Organisation struct{ ID string } `json:"organisation"`
			Betweenness  float64             `json:"betweenness"`
		} `json:"brokers"`
		KindMatrix []struct {
			A, B         string
			Cooperations int
		} `json:"kindMatrix"`
		NoPathToJobcenter         []struct{ ID string } `json:"noPathToJobcenter"`
		NoPathToImmigrationOffice []struct{ ID string } `json:"noPathToImmigrationOffice"`
	} `json:"networkReport"`
}

func refIDs(list []struct{ ID string }) []string {
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.ID
	}
	return out
}

func TestNetworkReportOfTheDemo(t *testing.T) {
	e := newEnv(t)
	var r networkReportResp
	e.ok(access.RoleSteering, networkReportQuery, nil, &r)
	n := r.NetworkReport
	sameSteeringSet(t, "isolated = demo.IsolatedOrganisations", refIDs(n.Isolated), demo.FindTensions(e.snap).IsolatedOrganisations)
	if n.Organisations != len(e.snap.Organisations) || n.Cooperations != len(e.snap.Cooperations) {
		t.Errorf("%d organisations, %d cooperations; want %d, %d", n.Organisations, n.Cooperations,
			len(e.snap.Organisations), len(e.snap.Cooperations))
	}
	if want := 2 * float64(n.Cooperations) / float64(n.Organisations*(n.Organisations-1)); n.Density != want {
		t.Errorf("density %v, want %v", n.Density, want)
	}
	if n.ComponentCount != len(n.Components) {
		t.Errorf("componentCount %d, but %d components", n.ComponentCount, len(n.Components))
	}
	members := 0
	for _, c := range n.Components {
		members += c.Size
	}
	if members != n.Organisations {
		t.Errorf("components hold %d organisations, want %d", members, n.Organisations)
	}
	if len(n.Brokers) == 0 || n.Brokers[0].Betweenness <= 0 || n.Brokers[0].Betweenness > 1 {
		t.Errorf("brokers: %+v", n.Brokers)
	}
	pairs := 0
	for _, k := range n.KindMatrix {
		pairs += k.Cooperations
	}
	if pairs != n.Cooperations {
		t.Errorf("kind matrix counts %d cooperations, want %d", pairs, n.Cooperations)
	}
	// Isolated organisations other than Jobcenters reach no Jobcenter.
	kind := map[string]directory.OrganisationKind{}
	for _, o := range e.snap.Organisations {
		kind[o.ID] = o.Kind
	}
	noJC := refIDs(n.NoPathToJobcenter)
	for _, id := range refIDs(n.Isolated) {
		if kind[id] != directory.KindJobcenter && !slices.Contains(noJC, id) {
			t.Errorf("isolated %s has a path to a Jobcenter", id)
		}
	}

	e.ok(access.RoleCaseManager, networkReportQuery, map[string]any{"m": "Solingen"}, &r)
	if r.NetworkReport.Municipality == nil || *r.NetworkReport.Municipality != "Solingen" {
		t.Errorf("municipality = %v", r.NetworkReport.Municipality)
	}
	solingen := 0
	for _, o := range e.snap.Organisations {
		if o.Municipality == "Solingen" {
			solingen++
		}
	}
	if r.NetworkReport.Organisations != solingen {
		t.Errorf("Solingen: %d organisations, want %d", r.NetworkReport.Organisations, solingen)
	}
}

const networkQuery = `query($id: ID!, $depth: Int) {
  network(organisationId: $id, depth: $depth) { nodes { id organisation { id name } } edges { source target since topics } }
}`

type networkResp struct {
	Network struct {
		Nodes []struct {
			ID           string `json:"id"`
			Organisation struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"organisation"`
		} `json:"nodes"`
		Edges []struct {
			Source string   `json:"source"`
			Target string   `json:"target"`
			Since  *string  `json:"since"`
			Topics []string `json:"topics"`
		} `json:"edges"`
	} `json:"network"`
}

func TestNetworkNeighbourhood(t *testing.T) {
	e := newEnv(t)
	adj := map[string][]string{}
	for _, c := range e.snap.Cooperations {
		adj[c.A] = append(adj[c.A], c.B)
		adj[c.B] = append(adj[c.B], c.A)
	}
	// The organisation with the most partners, so that depth matters.
	hub := e.snap.Organisations[0].ID
	for id, ps := range adj {
		if len(ps) > len(adj[hub]) || len(ps) == len(adj[hub]) && id < hub {
			hub = id
		}
	}
	within := func(depth int) map[string]bool {
		seen := map[string]bool{hub: true}
		frontier := []string{hub}
		for range depth {
			var next []string
			for _, v := range frontier {
				for _, w := range adj[v] {
					if !seen[w] {
						seen[w] = true
						next = append(next, w)
					}
				}
			}
			frontier = next
		}
		return seen
	}
	for _, depth := range []int{1, 2} {
		var r networkResp
		// network is public: cooperations are public through Organisation.partners.
		e.ok(access.RolePublic, networkQuery, map[string]any{"id": hub, "depth": depth}, &r)
		want := within(depth)
		var got []string
		for _, n := range r.Network.Nodes {
			if n.ID != n.Organisation.ID || n.Organisation.Name == "" {
				t.Errorf("node %+v", n)
			}
			got = append(got, n.ID)
		}
		sameSteeringSet(t, fmt.Sprintf("nodes at depth %d", depth), got, slices.Collect(maps.Keys(want)))
		var wantEdges, gotEdges []string
		for _, c := range e.snap.Cooperations {
			if want[c.A] && want[c.B] {
				wantEdges = append(wantEdges, c.A+"-"+c.B)
			}
		}
		for _, ed := range r.Network.Edges {
			a, b := ed.Source, ed.Target
			if b < a {
				a, b = b, a
			}
			gotEdges = append(gotEdges, a+"-"+b)
		}
		sameSteeringSet(t, fmt.Sprintf("edges at depth %d", depth), gotEdges, wantEdges)
	}
	// The default depth is 1.
	var one networkResp
	e.ok(access.RolePublic, `query($id: ID!) { network(organisationId: $id) { nodes { id } } }`, map[string]any{"id": hub}, &one)
	if len(one.Network.Nodes) != len(within(1)) {
		t.Errorf("default depth: %d nodes, want %d", len(one.Network.Nodes), len(within(1)))
	}

	for _, tc := range []struct {
		vars map[string]any
		want string
	}{
		{map[string]any{"id": hub, "depth": 4}, "BAD_USER_INPUT depth"},
		{map[string]any{"id": hub, "depth": 0}, "BAD_USER_INPUT depth"},
		{map[string]any{"id": "org-does-not-exist", "depth": 1}, "NOT_FOUND organisationId"},
	} {
		if got := codes(e.do(access.RoleSteering, networkQuery, tc.vars)); !slices.Equal(got, []string{tc.want}) {
			t.Errorf("network(%v): %v, want %s", tc.vars, got, tc.want)
		}
	}
}
