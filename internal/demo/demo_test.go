package demo

import (
	"bytes"
	"encoding/json"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
)

func index(s directory.Snapshot) (map[string]directory.District, map[string]directory.Organisation, map[string]directory.Offer) {
	ds := map[string]directory.District{}
	for _, d := range s.Districts {
		ds[d.ID] = d
	}
	os := map[string]directory.Organisation{}
	for _, o := range s.Organisations {
		os[o.ID] = o
	}
	fs := map[string]directory.Offer{}
	for _, o := range s.Offers {
		fs[o.ID] = o
	}
	return ds, os, fs
}

func TestValidate(t *testing.T) {
	for name, s := range map[string]directory.Snapshot{
		"demo":     Demo(),
		"scale 10": Generate(Options{Seed: 7, Scale: 10}),
	} {
		if err := s.Validate(); err != nil {
			msg := err.Error()
			t.Errorf("%s: %d problems: %.2000s", name, len(err.(*directory.ValidationError).Problems), msg)
		}
	}
}

func TestDemoCounts(t *testing.T) {
	s := Demo()
	if n := len(s.Organisations); n < 150 {
		t.Errorf("%d organisations, want ≥ 150", n)
	}
	if n := len(s.Offers); n < 600 {
		t.Errorf("%d offers, want ≥ 600", n)
	}
	kinds := map[directory.OrganisationKind]int{}
	for _, o := range s.Organisations {
		kinds[o.Kind]++
	}
	for _, k := range directory.OrganisationKinds {
		if kinds[k] == 0 {
			t.Errorf("no organisation of kind %s", k)
		}
	}
	cats := map[directory.OfferCategory]int{}
	types := map[directory.CourseType]int{}
	for _, o := range s.Offers {
		cats[o.Category]++
		if o.Category == directory.CategoryIntegrationCourse {
			types[o.CourseType]++
		}
	}
	for _, c := range directory.OfferCategories {
		if cats[c] == 0 {
			t.Errorf("no offer of category %s", c)
		}
	}
	for _, c := range directory.CourseTypes {
		if types[c] == 0 {
			t.Errorf("no integration course of type %s", c)
		}
	}
	if scale10 := len(Generate(Options{Seed: 7, Scale: 10}).Offers); scale10 < 6000 {
		t.Errorf("scale 10: %d offers, want ≥ 6000", scale10)
	}
	t.Logf("demo: %d districts, %d organisations, %d offers, %d cooperations, %d working groups, %d unmet needs",
		len(s.Districts), len(s.Organisations), len(s.Offers), len(s.Cooperations), len(s.WorkingGroups), len(s.UnmetNeeds))
}

func TestDistricts(t *testing.T) {
	s := Demo()
	if len(s.Districts) != 15 {
		t.Fatalf("%d districts, want 15", len(s.Districts))
	}
	pop := map[string]int{}
	for _, d := range s.Districts {
		if d.Population < 15000 || d.Population > 80000 {
			t.Errorf("%s: population %d is implausible", d.ID, d.Population)
		}
		if d.Centre == nil || d.RadiusKm < 1 || d.RadiusKm > 5 {
			t.Errorf("%s: centre %v radius %v", d.ID, d.Centre, d.RadiusKm)
		}
		pop[d.Municipality] += d.Population
	}
	if p := pop["Solingen"]; p < 160000 || p > 170000 {
		t.Errorf("Solingen has %d inhabitants, want ≈ 165,000", p)
	}
	if p := pop["Wuppertal"]; p < 350000 || p > 370000 {
		t.Errorf("Wuppertal has %d inhabitants, want ≈ 360,000", p)
	}
	ds, _, _ := index(s)
	for id, want := range map[string]directory.GeoPoint{
		"sg-mitte": {Lat: 51.171, Lon: 7.083}, "sg-ohligs": {Lat: 51.163, Lon: 7.010}, "sg-wald": {Lat: 51.180, Lon: 7.045},
		"sg-graefrath": {Lat: 51.205, Lon: 7.070}, "sg-burg-hoehscheid": {Lat: 51.150, Lon: 7.110},
		"wu-elberfeld": {Lat: 51.256, Lon: 7.150}, "wu-barmen": {Lat: 51.273, Lon: 7.200}, "wu-vohwinkel": {Lat: 51.235, Lon: 7.070},
		"wu-cronenberg": {Lat: 51.205, Lon: 7.135}, "wu-ronsdorf": {Lat: 51.230, Lon: 7.220}, "wu-oberbarmen": {Lat: 51.275, Lon: 7.235},
		"wu-heckinghausen": {Lat: 51.262, Lon: 7.227}, "wu-langerfeld-beyenburg": {Lat: 51.280, Lon: 7.270},
		"wu-uellendahl-katernberg": {Lat: 51.285, Lon: 7.140}, "wu-elberfeld-west": {Lat: 51.258, Lon: 7.110},
	} {
		d, ok := ds[id]
		if !ok {
			t.Errorf("no district %s", id)
			continue
		}
		if km := directory.DistanceKm(*d.Centre, want); km > 0.3 {
			t.Errorf("%s: centre %v is %.2f km from %v", id, *d.Centre, km, want)
		}
	}
}

var (
	genID    = regexp.MustCompile(`^[a-z-]+-(org|off|un|wg)-[a-z0-9-]+$`)
	hostRe   = regexp.MustCompile(`^https://[a-z0-9-]+\.example\.org$`)
	mailRe   = regexp.MustCompile(`^kontakt@[a-z0-9-]+\.example\.org$`)
	inRadius = func(d directory.District, p directory.GeoPoint) bool {
		return directory.DistanceKm(*d.Centre, p) <= d.RadiusKm*0.8+1e-6
	}
)

func TestRecords(t *testing.T) {
	for name, s := range map[string]directory.Snapshot{"demo": Demo(), "scale 10": Generate(Options{Seed: 7, Scale: 10})} {
		ds, orgs, _ := index(s)
		for _, o := range s.Organisations {
			d, ok := ds[o.DistrictID]
			switch {
			case !genID.MatchString(o.ID):
				t.Errorf("%s: organisation id %q", name, o.ID)
			case !ok || o.Municipality != d.Municipality || o.Address == "" || o.Location == nil || o.Phone == "":
				t.Errorf("%s: organisation %s lacks district, municipality, address, phone or location", name, o.ID)
			case !inRadius(d, *o.Location):
				t.Errorf("%s: organisation %s lies %.2f km from the centre of %s (radius %.1f)", name, o.ID,
					directory.DistanceKm(*d.Centre, *o.Location), d.ID, d.RadiusKm)
			case !hostRe.MatchString(o.Website) || !mailRe.MatchString(o.Email):
				t.Errorf("%s: organisation %s has contact %q %q", name, o.ID, o.Website, o.Email)
			}
		}
		digital := 0
		for _, o := range s.Offers {
			if !genID.MatchString(o.ID) || o.Title == "" || len(o.Description) < 60 {
				t.Errorf("%s: offer %s: id, title or description missing", name, o.ID)
			}
			if _, ok := orgs[o.ProviderID]; !ok {
				t.Errorf("%s: offer %s has no provider", name, o.ID)
			}
			if o.Digital {
				digital++
				continue
			}
			d, ok := ds[o.DistrictID]
			if !ok || o.Location == nil || o.Address == "" {
				t.Errorf("%s: offer %s is neither digital nor located", name, o.ID)
				continue
			}
			if !inRadius(d, *o.Location) {
				t.Errorf("%s: offer %s lies %.2f km from the centre of %s (radius %.1f)", name, o.ID,
					directory.DistanceKm(*d.Centre, *o.Location), d.ID, d.RadiusKm)
			}
		}
		if digital == 0 || digital > len(s.Offers)/10 {
			t.Errorf("%s: %d digital offers, want a few", name, digital)
		}
	}
}

// The data should read like a real directory: German texts with umlauts,
// vocabulary that fits the category, a realistic mix of languages.
func TestPlausibility(t *testing.T) {
	s := Demo()
	text := ""
	langs := map[string]int{}
	status := map[directory.OfferStatus]int{}
	for _, o := range s.Offers {
		text += o.Title + "\n"
		for _, l := range o.Languages {
			langs[l]++
		}
		status[o.Status]++
		switch o.Category {
		case directory.CategoryIntegrationCourse:
			if !slices.Contains(o.LegalCircuits, directory.CircuitAufenthG) || !slices.Contains(o.Needs, directory.NeedLanguage) {
				t.Errorf("integration course %s: circuits %v needs %v", o.ID, o.LegalCircuits, o.Needs)
			}
		case directory.CategoryPassageGroup, directory.CategoryChildcare:
			if !o.Childcare || !slices.Contains(o.Needs, directory.NeedFamilyChildcare) || o.AgeMax == nil || *o.AgeMax > 6 ||
				!slices.Contains(o.LegalCircuits, directory.CircuitSGBVIII) {
				t.Errorf("childcare offer %s: childcare %v needs %v age %v circuits %v", o.ID, o.Childcare, o.Needs, o.AgeMax, o.LegalCircuits)
			}
		}
		if o.Category != directory.CategoryIntegrationCourse && o.CourseType != "" {
			t.Errorf("offer %s has a course type", o.ID)
		}
		if o.UpdatedAt.After(BaseTime) || o.UpdatedAt.Year() != 2026 {
			t.Errorf("offer %s updated at %v", o.ID, o.UpdatedAt)
		}
	}
	for _, want := range []string{"Mütter-Café", "Sprachcafé für Frauen", "Kinderbetreuung während des Kurses", "Passagegruppe für Kinder ohne Kita-Platz", "Frauenintegrationskurs"} {
		if !strings.Contains(text, want) {
			t.Errorf("no offer titled %q", want)
		}
	}
	for _, l := range []string{"de", "ar", "tr", "uk", "ru", "fa", "ps", "ku", "ti", "en", "fr", "ro", "bg", "pl"} {
		if langs[l] == 0 {
			t.Errorf("no offer in %s", l)
		}
	}
	if status[directory.StatusActive]*10 < len(s.Offers)*7 {
		t.Errorf("statuses %v: want mostly ACTIVE", status)
	}
	for _, st := range directory.OfferStatuses {
		if status[st] == 0 {
			t.Errorf("no offer with status %s", st)
		}
	}
	for _, u := range s.UnmetNeeds {
		if !strings.HasPrefix(u.RecordedOn, "2026-") {
			t.Errorf("unmet need %s recorded on %s", u.ID, u.RecordedOn)
		}
	}
}

func TestNetwork(t *testing.T) {
	s := Demo()
	_, orgs, _ := index(s)
	degree := map[string]int{}
	for _, c := range s.Cooperations {
		if c.A >= c.B {
			t.Errorf("cooperation %s–%s is not normalized", c.A, c.B)
		}
		degree[c.A]++
		degree[c.B]++
	}
	welfare := map[string]bool{}
	for _, o := range s.Organisations {
		switch {
		case o.Kind == directory.KindJobcenter || o.Kind == directory.KindIntegrationCentre:
			if degree[o.ID] < 25 {
				t.Errorf("%s (%s) has only %d partners", o.Name, o.ID, degree[o.ID])
			}
		case o.Kind == directory.KindWelfareAssociation && o.ParentID == "":
			welfare[o.ID] = true
		case strings.HasPrefix(o.Name, "Jugendmigrationsdienst"):
			if p := orgs[o.ParentID]; !strings.HasPrefix(p.Name, "Internationaler Bund") {
				t.Errorf("%s is part of %q", o.Name, p.Name)
			}
		case strings.HasPrefix(o.Name, "Migrationsberatung"):
			if p := orgs[o.ParentID]; p.Kind != directory.KindWelfareAssociation {
				t.Errorf("%s is part of %q", o.Name, p.Name)
			}
		}
	}
	among := 0
	for _, c := range s.Cooperations {
		if welfare[c.A] && welfare[c.B] {
			among++
		}
	}
	if among < 20 {
		t.Errorf("only %d cooperations among the welfare associations", among)
	}
	members := map[string]int{}
	for _, o := range s.Organisations {
		for _, g := range o.WorkingGroupIDs {
			members[g]++
		}
	}
	names := ""
	for _, g := range s.WorkingGroups {
		names += g.Name + "\n"
		if !strings.HasPrefix(g.Name, "Stadtteilkonferenz") && members[g.ID] < 3 {
			t.Errorf("working group %s has %d members", g.Name, members[g.ID])
		}
	}
	for _, want := range []string{"AG Sprache", "Netzwerk Frühe Hilfen", "AK Flucht und Migration"} {
		if !strings.Contains(names, want) {
			t.Errorf("no working group %q", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, o := range []Options{{Seed: DemoSeed, Scale: 1}, {Seed: 7, Scale: 10}, {Seed: 3, Municipalities: 6}} {
		a, _ := json.Marshal(Generate(o))
		b, _ := json.Marshal(Generate(o))
		if !bytes.Equal(a, b) {
			t.Errorf("%+v: two calls differ", o)
		}
	}
	a, _ := json.Marshal(Demo())
	b, _ := json.Marshal(Generate(Options{Seed: DemoSeed + 1}))
	if bytes.Equal(a, b) {
		t.Error("another seed gives the same network")
	}
	if !bytes.Contains(a, []byte("Mütter-Café")) {
		t.Error("umlauts are lost in JSON")
	}
}

// bruteCoursesWithoutChildcare recomputes the first tension without the grid.
func bruteCoursesWithoutChildcare(s directory.Snapshot) []string {
	var care []directory.GeoPoint
	for _, o := range s.Offers {
		if o.Status == directory.StatusActive && o.Location != nil &&
			(o.Category == directory.CategoryChildcare || o.Category == directory.CategoryPassageGroup) {
			care = append(care, *o.Location)
		}
	}
	var out []string
	for _, o := range s.Offers {
		if o.Status != directory.StatusActive || o.Category != directory.CategoryIntegrationCourse || o.Childcare || o.Location == nil {
			continue
		}
		near := false
		for _, c := range care {
			if directory.DistanceKm(*o.Location, c) <= 1.0 {
				near = true
				break
			}
		}
		if !near {
			out = append(out, o.ID)
		}
	}
	return out
}

func TestTensions(t *testing.T) {
	s := Demo()
	tt := DemoTensions()
	ds, _, offers := index(s)

	if got := bruteCoursesWithoutChildcare(s); !slices.Equal(got, tt.CoursesWithoutChildcare) {
		t.Errorf("courses without childcare: brute force %v, FindTensions %v", got, tt.CoursesWithoutChildcare)
	}
	for _, id := range []string{WaldCourseID, WaldWomenCourseID, OberbarmenCourseID, OberbarmenAlphaID} {
		if !slices.Contains(tt.CoursesWithoutChildcare, id) {
			t.Errorf("course %s should lack childcare nearby", id)
		}
	}

	if len(tt.DistrictsWithoutPassageGroup) < 2 {
		t.Errorf("districts without Passagegruppe: %v", tt.DistrictsWithoutPassageGroup)
	}
	for _, id := range []string{"sg-burg-hoehscheid", "wu-cronenberg"} {
		if !slices.Contains(tt.DistrictsWithoutPassageGroup, id) {
			t.Errorf("%s should have no running Passagegruppe", id)
		}
	}
	for _, id := range tt.DistrictsWithoutPassageGroup {
		for _, o := range s.Offers {
			if o.DistrictID == id && o.Category == directory.CategoryPassageGroup && o.Status == directory.StatusActive {
				t.Errorf("%s has the running Passagegruppe %s", id, o.ID)
			}
		}
	}

	if len(tt.FullOffers) == 0 {
		t.Error("no full offers")
	}
	for _, id := range tt.FullOffers {
		o := offers[id]
		if o.Status != directory.StatusActive || o.Capacity == nil || *o.Capacity == 0 || o.FreePlaces == nil || *o.FreePlaces != 0 {
			t.Errorf("offer %s is not full", id)
		}
	}

	if len(tt.GermanOnlyOffers) == 0 {
		t.Error("no German-only offers")
	}
	for _, id := range tt.GermanOnlyOffers {
		if o := offers[id]; !slices.Equal(o.Languages, []string{"de"}) || o.Status != directory.StatusActive {
			t.Errorf("offer %s: %v", id, o.Languages)
		}
	}

	for _, id := range []string{BurgPlannedPassageID, CronenbergPausedID} {
		if !slices.Contains(tt.UnfundedPassageGroups, id) {
			t.Errorf("%s should be an unfunded Passagegruppe", id)
		}
	}
	for _, id := range tt.UnfundedPassageGroups {
		o := offers[id]
		if o.Category != directory.CategoryPassageGroup || o.Status == directory.StatusActive || o.Status == directory.StatusEnded ||
			o.Funding == directory.FundingFunded {
			t.Errorf("offer %s: %s %s %s", id, o.Category, o.Status, o.Funding)
		}
	}

	if len(tt.IsolatedOrganisations) == 0 {
		t.Error("no isolated organisations")
	}
	for _, c := range s.Cooperations {
		if slices.Contains(tt.IsolatedOrganisations, c.A) || slices.Contains(tt.IsolatedOrganisations, c.B) {
			t.Errorf("cooperation %s–%s touches an isolated organisation", c.A, c.B)
		}
	}

	for _, want := range []UnmetLanguage{
		{"sg-ohligs", "ar", directory.NeedHousing}, {"wu-oberbarmen", "ar", directory.NeedFamilyChildcare},
		{"wu-oberbarmen", "ti", directory.NeedHealth}, {"sg-wald", "fa", directory.NeedFamilyChildcare},
	} {
		if !slices.Contains(tt.UnmetLanguage, want) {
			t.Errorf("unmet language %v missing", want)
		}
	}
	germanOnly := 0
	for _, u := range tt.UnmetLanguage {
		recorded := slices.ContainsFunc(s.UnmetNeeds, func(n directory.UnmetNeed) bool {
			return n.DistrictID == u.District && n.Language == u.Language && n.Need == u.Need
		})
		if _, ok := ds[u.District]; !ok || !recorded {
			t.Errorf("unmet language %v is not recorded", u)
		}
		german := false
		for _, o := range s.Offers {
			if o.Status == directory.StatusActive && o.DistrictID == u.District && slices.Contains(o.Needs, u.Need) {
				if slices.Contains(o.Languages, u.Language) {
					t.Errorf("unmet language %v is met by %s", u, o.ID)
				}
				german = true
			}
		}
		if german {
			germanOnly++
		}
	}
	if germanOnly == 0 {
		t.Error("no unmet language need in a district that has offers for it in German")
	}
}

// The grid of FindTensions must agree with the brute force on a big network.
func TestTensionsGrid(t *testing.T) {
	s := Generate(Options{Seed: 11, Scale: 10, Municipalities: 3})
	got := FindTensions(s).CoursesWithoutChildcare
	if want := bruteCoursesWithoutChildcare(s); !slices.Equal(got, want) {
		t.Errorf("grid: %d courses, brute force: %d", len(got), len(want))
	}
	// The designed tensions survive scaling.
	for _, id := range []string{WaldCourseID, WaldWomenCourseID, OberbarmenCourseID, OberbarmenAlphaID} {
		if !slices.Contains(got, id) {
			t.Errorf("scale 10: course %s has childcare nearby", id)
		}
	}
}

func TestScenario(t *testing.T) {
	s := Demo()
	sc := DemoScenario()
	ds, orgs, offers := index(s)
	ohligs := ds[sc.DistrictID]

	course, ok := offers[sc.CourseID]
	switch {
	case !ok:
		t.Fatal("no scenario course")
	case course.Category != directory.CategoryIntegrationCourse || course.Status != directory.StatusActive || !course.Childcare ||
		course.FreePlaces == nil || *course.FreePlaces == 0 || course.DistrictID != sc.DistrictID ||
		!slices.Contains(course.Languages, "de") || !slices.Contains(course.LegalCircuits, directory.CircuitAufenthG) ||
		!slices.Contains(course.LegalCircuits, directory.CircuitSGBII) || !slices.Contains(course.TargetGroups, directory.GroupWomen) ||
		!slices.Contains(course.TargetGroups, directory.GroupParents) || !slices.Contains(course.Needs, directory.NeedLanguage):
		t.Errorf("scenario course does not fit: %+v", course)
	}

	mbe, ok := offers[sc.CounsellingID]
	switch {
	case !ok:
		t.Fatal("no scenario counselling")
	case mbe.Category != directory.CategoryMigrationCounselling || mbe.Status != directory.StatusActive ||
		!slices.Contains(mbe.Languages, "ar") || mbe.Location == nil || directory.DistanceKm(*ohligs.Centre, *mbe.Location) > 3:
		t.Errorf("scenario counselling does not fit: %+v", mbe)
	}
	for _, n := range []directory.NeedArea{directory.NeedWork, directory.NeedAuthorities, directory.NeedResidence} {
		if !slices.Contains(mbe.Needs, n) {
			t.Errorf("scenario counselling lacks %s", n)
		}
	}
	if p := orgs[mbe.ProviderID]; !strings.Contains(p.Name, "AWO") {
		t.Errorf("scenario counselling is provided by %s", p.Name)
	}

	job, ok := offers[sc.EmploymentID]
	switch {
	case !ok:
		t.Fatal("no scenario employment support")
	case job.Category != directory.CategoryEmploymentSupport || job.Status != directory.StatusActive ||
		!slices.Contains(job.LegalCircuits, directory.CircuitSGBII) || orgs[job.ProviderID].Kind != directory.KindJobcenter:
		t.Errorf("scenario employment support does not fit: %+v", job)
	}

	// HOUSING: nothing in Arabic in Solingen, nothing in Ohligs, nothing in Arabic online.
	for _, o := range s.Offers {
		if o.Status != directory.StatusActive || !slices.Contains(o.Needs, sc.UncoveredNeed) {
			continue
		}
		inSolingen := orgs[o.ProviderID].Municipality == "Solingen" || ds[o.DistrictID].Municipality == "Solingen"
		arabic := slices.Contains(o.Languages, sc.Language)
		switch {
		case inSolingen && arabic:
			t.Errorf("offer %s covers HOUSING in Arabic in Solingen", o.ID)
		case o.DistrictID == sc.DistrictID:
			t.Errorf("offer %s covers HOUSING in Ohligs", o.ID)
		case o.Location != nil && directory.DistanceKm(*o.Location, *ohligs.Centre) <= ScenarioGapKm:
			t.Errorf("offer %s covers HOUSING %.2f km from the centre of Ohligs", o.ID, directory.DistanceKm(*o.Location, *ohligs.Centre))
		case o.Digital && arabic:
			t.Errorf("offer %s covers HOUSING in Arabic online", o.ID)
		}
	}
	for _, n := range sc.Needs {
		if !n.Valid() {
			t.Errorf("scenario need %q", n)
		}
	}
}

func TestNRW(t *testing.T) {
	if testing.Short() {
		t.Skip("NRW network skipped in -short mode")
	}
	start := time.Now()
	s := NRW(1)
	took := time.Since(start)
	munis := map[string]bool{}
	for _, d := range s.Districts {
		munis[d.Municipality] = true
	}
	if len(munis) != 54 {
		t.Errorf("%d municipalities, want 54", len(munis))
	}
	for _, m := range []string{"Köln", "Düsseldorf", "Dortmund", "Essen", "Duisburg", "Bochum", "Wuppertal", "Bielefeld", "Bonn", "Münster", "Solingen"} {
		if !munis[m] {
			t.Errorf("no municipality %s", m)
		}
	}
	if n := len(s.Organisations); n < 15000 {
		t.Errorf("%d organisations, want ≥ 15,000", n)
	}
	if n := len(s.Offers); n < 150000 {
		t.Errorf("%d offers, want ≥ 150,000", n)
	}
	if err := s.Validate(); err != nil {
		t.Errorf("%d problems: %.1000s", len(err.(*directory.ValidationError).Problems), err)
	}
	muni := map[string]string{}
	for _, o := range s.Organisations {
		muni[o.ID] = o.Municipality
	}
	within := 0
	for _, c := range s.Cooperations {
		if muni[c.A] == muni[c.B] {
			within++
		}
	}
	if within*100 < len(s.Cooperations)*95 {
		t.Errorf("only %d of %d cooperations lie within a municipality", within, len(s.Cooperations))
	}
	ds, _, _ := index(s)
	for _, o := range s.Offers {
		if o.Location != nil && !inRadius(ds[o.DistrictID], *o.Location) {
			t.Fatalf("offer %s lies outside %s", o.ID, o.DistrictID)
		}
	}
	tt := FindTensions(s)
	t.Logf("NRW: %d municipalities, %d districts, %d organisations, %d offers, %d cooperations in %v; "+
		"tensions: %d courses without childcare, %d districts without Passagegruppe, %d isolated organisations",
		len(munis), len(s.Districts), len(s.Organisations), len(s.Offers), len(s.Cooperations), took,
		len(tt.CoursesWithoutChildcare), len(tt.DistrictsWithoutPassageGroup), len(tt.IsolatedOrganisations))
}

func BenchmarkDemo(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Demo()
	}
}

func BenchmarkNRW(b *testing.B) {
	b.ReportAllocs()
	var s directory.Snapshot
	for b.Loop() {
		s = NRW(1)
	}
	b.StopTimer()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "live-MB")
	b.ReportMetric(float64(len(s.Offers)), "offers")
	runtime.KeepAlive(s)
}

func BenchmarkFindTensionsNRW(b *testing.B) {
	s := NRW(1)
	b.ReportAllocs()
	for b.Loop() {
		FindTensions(s)
	}
}
