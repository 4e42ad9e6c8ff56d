package gaps

import (
	"reflect"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func intp(n int) *int { return &n }

var (
	wald      = directory.District{ID: "sg-wald", Name: "Wald", Municipality: "Solingen", Population: 20000}
	mitte     = directory.District{ID: "sg-mitte", Name: "Mitte", Municipality: "Solingen", Population: 50000}
	graefrath = directory.District{ID: "sg-graefrath", Name: "Gräfrath", Municipality: "Solingen", Population: 0}
)

func cell(t *testing.T, r Report, district string, need directory.NeedArea) Cell {
	t.Helper()
	for _, c := range r.Cells {
		if c.District.ID == district && c.Need == need {
			return c
		}
	}
	t.Fatalf("no cell %s × %s", district, need)
	return Cell{}
}

func gapsOf(r Report, kind GapKind) []Gap {
	var out []Gap
	for _, g := range r.Gaps {
		if g.Kind == kind {
			out = append(out, g)
		}
	}
	return out
}

func TestCellsOnePerDistrictAndNeedInOrder(t *testing.T) {
	f := store.GapFacts{Districts: []directory.District{wald, mitte, graefrath}}
	r := Analyse(f, []directory.NeedArea{directory.NeedHousing, directory.NeedLanguage})
	var got []string
	for _, c := range r.Cells {
		got = append(got, c.District.Name+"/"+string(c.Need))
	}
	// districts by name, needs in contract order (LANGUAGE before HOUSING)
	want := []string{"Gräfrath/LANGUAGE", "Gräfrath/HOUSING", "Mitte/LANGUAGE", "Mitte/HOUSING", "Wald/LANGUAGE", "Wald/HOUSING"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("cells = %v, want %v", got, want)
	}
	if r.Municipality != "Solingen" {
		t.Errorf("municipality = %q", r.Municipality)
	}
	if all := Analyse(f, nil); len(all.Cells) != 3*len(directory.NeedAreas) {
		t.Errorf("all needs: %d cells, want %d", len(all.Cells), 3*len(directory.NeedAreas))
	}
}

func TestLevels(t *testing.T) {
	d := func(pop int) directory.District {
		return directory.District{ID: "d", Name: "D", Municipality: "M", Population: pop}
	}
	cases := []struct {
		name        string
		pop, offers int
		unmet       int
		per10k      float64
		want        Level
	}{
		{"no offer", 10000, 0, 0, 0, LevelNone},
		{"exactly 1 per 10k is OK", 10000, 1, 0, 1.0, LevelOK},
		{"just below 1 per 10k is LOW", 10001, 1, 0, 10000.0 / 10001, LevelLow},
		{"2 per 10k", 10000, 2, 0, 2.0, LevelOK},
		{"unmet 5 ≥ offers 5 is LOW", 10000, 5, 5, 5.0, LevelLow},
		{"unmet 5 < offers 6 is OK", 10000, 6, 5, 6.0, LevelOK},
		{"unmet 4 ≥ offers 2 but below MinPublicCount is OK", 10000, 2, 4, 2.0, LevelOK},
		{"unknown population, offer, no needs: OK", 0, 1, 0, 0, LevelOK},
		{"unknown population, needs outnumber: LOW", 0, 1, 7, 0, LevelLow},
	}
	for _, c := range cases {
		f := store.GapFacts{Districts: []directory.District{d(c.pop)}}
		if c.offers > 0 {
			f.Supply = []store.NeedSupply{{DistrictID: "d", Need: directory.NeedHousing, ActiveOffers: c.offers, FreePlaces: 3}}
		}
		if c.unmet > 0 {
			f.UnmetNeeds = []store.UnmetNeedCount{{DistrictID: "d", Need: directory.NeedHousing, Language: "de", Count: c.unmet}}
		}
		got := cell(t, Analyse(f, []directory.NeedArea{directory.NeedHousing}), "d", directory.NeedHousing)
		if got.Level != c.want || got.OffersPer10k != c.per10k || got.UnmetNeeds != c.unmet || got.ActiveOffers != c.offers {
			t.Errorf("%s: level %s per10k %v unmet %d offers %d, want %s %v %d %d",
				c.name, got.Level, got.OffersPer10k, got.UnmetNeeds, got.ActiveOffers, c.want, c.per10k, c.unmet, c.offers)
		}
	}
}

func TestCellSumsFreePlacesAndUnmetNeeds(t *testing.T) {
	f := store.GapFacts{
		Districts: []directory.District{mitte},
		Supply:    []store.NeedSupply{{DistrictID: "sg-mitte", Need: directory.NeedWork, ActiveOffers: 4, FreePlaces: 12}},
		UnmetNeeds: []store.UnmetNeedCount{
			{DistrictID: "sg-mitte", Need: directory.NeedWork, Language: "ar", TargetGroup: directory.GroupWomen, Count: 2},
			{DistrictID: "sg-mitte", Need: directory.NeedWork, Language: "tr", TargetGroup: directory.GroupYouth, Count: 3},
			{DistrictID: "sg-mitte", Need: directory.NeedHousing, Language: "ar", Count: 9},
		},
	}
	c := cell(t, Analyse(f, nil), "sg-mitte", directory.NeedWork)
	if c.ActiveOffers != 4 || c.FreePlaces != 12 || c.UnmetNeeds != 5 || c.OffersPer10k != 0.8 || c.Level != LevelLow {
		t.Errorf("cell = %+v", c)
	}
}

func TestNeedWithoutOffer(t *testing.T) {
	f := store.GapFacts{
		Districts: []directory.District{wald, mitte},
		Supply: []store.NeedSupply{
			{DistrictID: "sg-mitte", Need: directory.NeedHousing, ActiveOffers: 1},
			{DistrictID: "sg-mitte", Need: directory.NeedLanguage, ActiveOffers: 8},
			{DistrictID: "sg-wald", Need: directory.NeedLanguage, ActiveOffers: 2},
		},
	}
	r := Analyse(f, []directory.NeedArea{directory.NeedHousing, directory.NeedLanguage})
	got := gapsOf(r, GapNeedWithoutOffer)
	want := []Gap{{
		Kind: GapNeedWithoutOffer, DistrictID: "sg-wald", Need: directory.NeedHousing,
		Detail: "Im Stadtbezirk Wald gibt es kein aktives Angebot im Handlungsfeld Wohnen.",
	}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("gaps = %+v\nwant %+v", got, want)
	}
	// every need area of a district without offers
	all := gapsOf(Analyse(store.GapFacts{Districts: []directory.District{wald}}, nil), GapNeedWithoutOffer)
	if len(all) != len(directory.NeedAreas) {
		t.Fatalf("%d gaps, want %d", len(all), len(directory.NeedAreas))
	}
	for i, g := range all {
		if g.Need != directory.NeedAreas[i] {
			t.Errorf("gap %d is about %s, want %s", i, g.Need, directory.NeedAreas[i])
		}
	}
}

func TestNoPassageGroup(t *testing.T) {
	cronenberg := directory.District{ID: "w-cronenberg", Name: "Cronenberg", Municipality: "Wuppertal", Population: 21000}
	barmen := directory.District{ID: "w-barmen", Name: "Barmen", Municipality: "Wuppertal", Population: 60000}
	f := store.GapFacts{
		Districts: []directory.District{cronenberg, barmen},
		Categories: []store.CategorySupply{
			{DistrictID: "w-barmen", Category: directory.CategoryPassageGroup, ActiveOffers: 1},
			{DistrictID: "w-cronenberg", Category: directory.CategoryChildcare, ActiveOffers: 3},
		},
	}
	got := gapsOf(Analyse(f, nil), GapNoPassageGroup)
	want := []Gap{{
		Kind: GapNoPassageGroup, DistrictID: "w-cronenberg", Need: directory.NeedFamilyChildcare,
		Detail: "Im Stadtbezirk Cronenberg gibt es keine aktive Passagegruppe.",
	}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("gaps = %+v\nwant %+v", got, want)
	}
	if g := gapsOf(Analyse(f, []directory.NeedArea{directory.NeedHousing}), GapNoPassageGroup); len(g) != 0 {
		t.Errorf("a report on housing lists %+v", g)
	}
}

func TestLanguageNotCovered(t *testing.T) {
	housing, work, language := directory.NeedHousing, directory.NeedWork, directory.NeedLanguage
	f := store.GapFacts{
		Districts: []directory.District{wald, mitte},
		// Wald holds only German offers; Mitte has Arabic counselling for
		// work, but its housing help is German only.
		DistrictLanguages: []store.DistrictLanguage{
			{DistrictID: "sg-wald", Need: language, Language: "de", Offers: 6},
			{DistrictID: "sg-mitte", Need: language, Language: "de", Offers: 9},
			{DistrictID: "sg-mitte", Need: work, Language: "ar", Offers: 1},
			{DistrictID: "sg-mitte", Need: housing, Language: "de", Offers: 2},
		},
		UnmetNeeds: []store.UnmetNeedCount{
			{DistrictID: "sg-wald", Need: housing, Language: "ar", Count: 2},
			{DistrictID: "sg-wald", Need: work, Language: "ar", Count: 1},
			{DistrictID: "sg-mitte", Need: work, Language: "ar", Count: 7},
			{DistrictID: "sg-mitte", Need: housing, Language: "ar", Count: 1},
			{DistrictID: "sg-wald", Need: language, Language: "de", Count: 4},
		},
	}
	got := gapsOf(Analyse(f, nil), GapLanguageNotCovered)
	want := []Gap{
		{Kind: GapLanguageNotCovered, DistrictID: "sg-mitte", Need: housing, Language: "ar", UnmetNeeds: 1,
			Detail: "Im Stadtbezirk Mitte wurden Bedarfe im Handlungsfeld Wohnen auf Arabisch erfasst, aber kein Angebot dort für Wohnen wird auf Arabisch angeboten."},
		{Kind: GapLanguageNotCovered, DistrictID: "sg-wald", Need: work, Language: "ar", UnmetNeeds: 1,
			Detail: "Im Stadtbezirk Wald wurden Bedarfe im Handlungsfeld Arbeit auf Arabisch erfasst, aber kein Angebot dort für Arbeit wird auf Arabisch angeboten."},
		{Kind: GapLanguageNotCovered, DistrictID: "sg-wald", Need: housing, Language: "ar", UnmetNeeds: 2,
			Detail: "Im Stadtbezirk Wald wurden Bedarfe im Handlungsfeld Wohnen auf Arabisch erfasst, aber kein Angebot dort für Wohnen wird auf Arabisch angeboten."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("gaps = %+v\nwant %+v", got, want)
	}

	// From MinPublicCount on the detail may say how many.
	f.UnmetNeeds = append(f.UnmetNeeds, store.UnmetNeedCount{DistrictID: "sg-wald", Need: housing, Language: "ar", TargetGroup: directory.GroupWomen, Count: 3})
	got = gapsOf(Analyse(f, []directory.NeedArea{housing}), GapLanguageNotCovered)
	if len(got) != 2 || got[1].UnmetNeeds != 5 ||
		got[1].Detail != "Im Stadtbezirk Wald wurden 5 Bedarfe im Handlungsfeld Wohnen auf Arabisch erfasst, aber kein Angebot dort für Wohnen wird auf Arabisch angeboten." {
		t.Fatalf("gaps = %+v", got)
	}

	// Only unmet needs of the selected need areas count.
	if got := gapsOf(Analyse(f, []directory.NeedArea{language}), GapLanguageNotCovered); len(got) != 0 {
		t.Fatalf("language only: gaps = %+v", got)
	}
}

func TestOfferGaps(t *testing.T) {
	oberbarmen := directory.District{ID: "w-oberbarmen", Name: "Oberbarmen", Municipality: "Wuppertal", Population: 45000}
	course := directory.Offer{
		ID: "o-ik", ProviderID: "org-vhs", Title: "Integrationskurs mit Alphabetisierung",
		Category: directory.CategoryIntegrationCourse, Needs: []directory.NeedArea{directory.NeedLanguage},
		Status: directory.StatusActive, DistrictID: "w-oberbarmen",
	}
	langCourse := directory.Offer{
		ID: "o-sk", ProviderID: "org-awo", Title: "Deutsch im Alltag",
		Category: directory.CategoryLanguageCourse, Needs: []directory.NeedArea{directory.NeedLanguage},
		Status: directory.StatusActive, DistrictID: "elsewhere",
	}
	full := directory.Offer{
		ID: "o-full", ProviderID: "org-caritas", Title: "Wohnungslotsen",
		Category: directory.CategoryHousingSupport, Needs: []directory.NeedArea{directory.NeedHousing, directory.NeedFinances},
		Capacity: intp(15), FreePlaces: intp(0), Status: directory.StatusActive, DistrictID: "w-oberbarmen",
	}
	planned := directory.Offer{
		ID: "o-plan", ProviderID: "org-mo", Title: "Elterncafé",
		Category: directory.CategoryMeetingPlace, Needs: []directory.NeedArea{directory.NeedFamilyChildcare},
		Status: directory.StatusPlanned, Funding: directory.FundingUnfunded, DistrictID: "w-oberbarmen",
	}
	paused := directory.Offer{
		ID: "o-pause", ProviderID: "org-mo", Title: "Sprechstunde",
		Category: directory.CategoryMigrationCounselling, Needs: []directory.NeedArea{directory.NeedResidence},
		Status: directory.StatusPaused, Funding: directory.FundingApplied,
	}
	f := store.GapFacts{
		Districts:               []directory.District{oberbarmen},
		CoursesWithoutChildcare: []directory.Offer{langCourse, course},
		AlwaysFull:              []directory.Offer{full},
		Unfunded:                []directory.Offer{planned, paused},
	}
	r := Analyse(f, nil)
	var got []Gap
	for _, g := range r.Gaps {
		if g.OfferID != "" {
			got = append(got, g)
		}
	}
	want := []Gap{
		{Kind: GapCourseWithoutChildcare, DistrictID: "w-oberbarmen", Need: directory.NeedFamilyChildcare, OfferID: "o-ik", OrganisationID: "org-vhs",
			Detail: "Integrationskurs „Integrationskurs mit Alphabetisierung“ (Oberbarmen) hat keine Kinderbetreuung, und im Umkreis von 1 km gibt es weder Kinderbetreuung noch Passagegruppe."},
		{Kind: GapCourseWithoutChildcare, DistrictID: "elsewhere", Need: directory.NeedFamilyChildcare, OfferID: "o-sk", OrganisationID: "org-awo",
			Detail: "Sprachkurs „Deutsch im Alltag“ hat keine Kinderbetreuung, und im Umkreis von 1 km gibt es weder Kinderbetreuung noch Passagegruppe."},
		{Kind: GapAlwaysFull, DistrictID: "w-oberbarmen", Need: directory.NeedHousing, OfferID: "o-full", OrganisationID: "org-caritas",
			Detail: "„Wohnungslotsen“ (Oberbarmen) ist ausgebucht: keine freien Plätze (Kapazität 15)."},
		{Kind: GapUnfunded, DistrictID: "w-oberbarmen", Need: directory.NeedFamilyChildcare, OfferID: "o-plan", OrganisationID: "org-mo",
			Detail: "„Elterncafé“ (Oberbarmen) ist geplant, aber nicht finanziert."},
		{Kind: GapUnfunded, DistrictID: "", Need: directory.NeedResidence, OfferID: "o-pause", OrganisationID: "org-mo",
			Detail: "„Sprechstunde“ ist pausiert, aber noch nicht finanziert (Förderung beantragt)."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("offer gaps:\n got %+v\nwant %+v", got, want)
	}

	// A report on housing keeps only the gaps about housing.
	r = Analyse(f, []directory.NeedArea{directory.NeedFinances, directory.NeedHousing})
	var ids []string
	for _, g := range r.Gaps {
		if g.OfferID != "" {
			ids = append(ids, g.OfferID+"/"+string(g.Need))
		}
	}
	if !reflect.DeepEqual(ids, []string{"o-full/HOUSING"}) {
		t.Errorf("housing report offer gaps = %v", ids)
	}
	// A course is a language gap too: a LANGUAGE report keeps it under its own need area.
	r = Analyse(f, []directory.NeedArea{directory.NeedLanguage})
	ids = nil
	for _, g := range r.Gaps {
		if g.OfferID != "" {
			ids = append(ids, g.OfferID+"/"+string(g.Need))
		}
	}
	if !reflect.DeepEqual(ids, []string{"o-ik/LANGUAGE", "o-sk/LANGUAGE"}) {
		t.Errorf("language report offer gaps = %v", ids)
	}
}

func TestGapOrder(t *testing.T) {
	f := store.GapFacts{
		Districts: []directory.District{wald, mitte},
		Supply: func() []store.NeedSupply {
			var s []store.NeedSupply
			for _, n := range directory.NeedAreas {
				if n != directory.NeedHealth {
					s = append(s, store.NeedSupply{DistrictID: "sg-wald", Need: n, ActiveOffers: 9})
				}
				if n != directory.NeedWork && n != directory.NeedResidence {
					s = append(s, store.NeedSupply{DistrictID: "sg-mitte", Need: n, ActiveOffers: 9})
				}
			}
			return s
		}(),
		Categories: []store.CategorySupply{{DistrictID: "sg-wald", Category: directory.CategoryPassageGroup, ActiveOffers: 1}},
		AlwaysFull: []directory.Offer{
			{ID: "b", Title: "B", Needs: []directory.NeedArea{directory.NeedWork}, DistrictID: "sg-wald"},
			{ID: "a", Title: "A", Needs: []directory.NeedArea{directory.NeedWork}, DistrictID: "sg-wald"},
			{ID: "c", Title: "C", Needs: []directory.NeedArea{directory.NeedWork}, DistrictID: "sg-mitte"},
		},
	}
	var got []string
	for _, g := range Analyse(f, nil).Gaps {
		got = append(got, string(g.Kind)+" "+g.DistrictID+" "+string(g.Need)+" "+g.OfferID)
	}
	want := []string{
		"NEED_WITHOUT_OFFER sg-mitte RESIDENCE ",
		"NEED_WITHOUT_OFFER sg-mitte WORK ",
		"NEED_WITHOUT_OFFER sg-wald HEALTH ",
		"NO_PASSAGE_GROUP sg-mitte FAMILY_CHILDCARE ",
		"ALWAYS_FULL sg-mitte WORK c",
		"ALWAYS_FULL sg-wald WORK a",
		"ALWAYS_FULL sg-wald WORK b",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("order:\n got %q\nwant %q", got, want)
	}
}

func TestVisibleCount(t *testing.T) {
	as := func(r access.Role) access.Principal { return access.Principal{Role: r, TokenID: "t"} }
	public := VisibleCount(3, access.Anonymous)
	if public.Value != nil || !public.Suppressed {
		t.Errorf("3 for the public = %+v, want suppressed", public)
	}
	for _, role := range []access.Role{access.RolePartner, access.RoleAdmin} {
		c := VisibleCount(1, as(role))
		if c.Value != nil || !c.Suppressed {
			t.Errorf("1 for %s = %+v, want suppressed", role, c)
		}
	}
	for _, n := range []int{0, 5, 12} {
		c := VisibleCount(n, access.Anonymous)
		if c.Suppressed || c.Value == nil || *c.Value != n {
			t.Errorf("%d for the public = %+v, want shown", n, c)
		}
	}
	for _, role := range []access.Role{access.RoleSteering, access.RoleCaseManager} {
		c := VisibleCount(3, as(role))
		if c.Suppressed || c.Value == nil || *c.Value != 3 {
			t.Errorf("3 for %s = %+v, want shown", role, c)
		}
	}
	c := VisibleCount(4, access.Anonymous)
	if !c.Suppressed {
		t.Errorf("4 (= MinPublicCount-1) for the public is shown")
	}
}

func TestNeedName(t *testing.T) {
	want := map[directory.NeedArea]string{
		directory.NeedLanguage: "Sprache", directory.NeedWork: "Arbeit", directory.NeedResidence: "Aufenthalt",
		directory.NeedEducation: "Bildung", directory.NeedHousing: "Wohnen", directory.NeedHealth: "Gesundheit",
		directory.NeedFamilyChildcare: "Familie und Kinderbetreuung", directory.NeedFinances: "Finanzen",
		directory.NeedAuthorities: "Behörden", directory.NeedSocialParticipation: "Teilhabe",
	}
	for _, n := range directory.NeedAreas {
		if NeedName(n) != want[n] {
			t.Errorf("NeedName(%s) = %q, want %q", n, NeedName(n), want[n])
		}
	}
	if NeedName("X") != "X" {
		t.Errorf("unknown need area should keep its code")
	}
}

func TestQuery(t *testing.T) {
	q := Query("Wuppertal", []directory.NeedArea{directory.NeedWork})
	if q.Municipality != "Wuppertal" || q.ChildcareRadiusKm != 1 || len(q.Needs) != 1 {
		t.Errorf("Query = %+v", q)
	}
}

// NO_CAPACITY declines of referrals are ALWAYS_FULL evidence: the count
// joins the detail from MinPublicCount on, and an offer with free places on
// paper reads as full in practice.
func TestAlwaysFullWithDeclines(t *testing.T) {
	d := directory.District{ID: "s-mitte", Name: "Mitte", Municipality: "Solingen", Population: 50000}
	full := directory.Offer{ID: "o-full", ProviderID: "org-vhs", Title: "Integrationskurs", Category: directory.CategoryIntegrationCourse,
		Needs: []directory.NeedArea{directory.NeedLanguage}, Capacity: intp(20), FreePlaces: intp(0), Status: directory.StatusActive, DistrictID: "s-mitte"}
	paper := directory.Offer{ID: "o-paper", ProviderID: "org-awo", Title: "Sprachcafé", Category: directory.CategoryLanguageCourse,
		Needs: []directory.NeedArea{directory.NeedLanguage}, Capacity: intp(20), FreePlaces: intp(6), Status: directory.StatusActive, DistrictID: "s-mitte"}
	few := full
	few.ID = "o-few"
	r := Analyse(store.GapFacts{Districts: []directory.District{d}, AlwaysFull: []directory.Offer{few, full, paper},
		NoCapacityDeclines: map[string]int{"o-full": 23, "o-paper": 7, "o-few": 3}}, nil)
	details := map[string]string{}
	for _, g := range r.Gaps {
		if g.Kind == GapAlwaysFull {
			details[g.OfferID] = g.Detail
		}
	}
	want := map[string]string{
		"o-full":  "„Integrationskurs“ (Mitte) ist ausgebucht: keine freien Plätze (Kapazität 20); 23 Vermittlungen in den letzten 12 Monaten wegen fehlender Kapazität abgelehnt.",
		"o-paper": "„Sprachcafé“ (Mitte) ist in der Praxis ausgebucht; 7 Vermittlungen in den letzten 12 Monaten wegen fehlender Kapazität abgelehnt.",
		"o-few":   "„Integrationskurs“ (Mitte) ist ausgebucht: keine freien Plätze (Kapazität 20).",
	}
	for id, w := range want {
		if details[id] != w {
			t.Errorf("%s:\n got %q\nwant %q", id, details[id], w)
		}
	}
}
