package storetest

// Owned by the steering/access engineer: conformance tests of store.Steering.
//
// Orders the suite pins, so that every backend answers alike:
//   - UnmetNeedCounts: district id, need, language, target group.
//   - GapFacts: Districts by municipality then name; Supply, Categories and
//     DistrictLanguages by district id, need, then code; UnmetNeeds as UnmetNeedCounts;
//     the offer lists by id.
//   - Graph: organisations by id, cooperations normalized (A < B) by A then B.

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func steeringTests() []Test {
	return []Test{
		{"UnmetNeedsRecordAndCount", testUnmetNeedsRecordAndCount},
		{"UnmetNeedsRefused", testUnmetNeedsRefused},
		{"GapFacts", testGapFacts},
		{"CooperationGraph", testCooperationGraph},
		{"Neighbourhood", testNeighbourhood},
	}
}

var stUpdated = time.Date(2025, 4, 1, 12, 0, 0, 0, time.UTC)

func stInt(n int) *int { return &n }

func stDistricts(t *testing.T, s store.Store) {
	t.Helper()
	ds := []directory.District{
		{ID: "sg-mitte", Name: "Mitte", Municipality: "Solingen", Population: 50000},
		{ID: "sg-wald", Name: "Wald", Municipality: "Solingen", Population: 24000},
		{ID: "sg-ohligs", Name: "Ohligs/Aufderhöhe/Merscheid", Municipality: "Solingen", Population: 40000},
		{ID: "wu-elb", Name: "Elberfeld", Municipality: "Wuppertal", Population: 67000},
	}
	if err := s.PutDistricts(t.Context(), ds); err != nil {
		t.Fatalf("PutDistricts: %v", err)
	}
}

func stOrg(id, name, districtID, municipality string) directory.Organisation {
	return directory.Organisation{ID: id, Name: name, Kind: directory.KindWelfareAssociation,
		DistrictID: districtID, Municipality: municipality, UpdatedAt: stUpdated}
}

func stCreateOrgs(t *testing.T, s store.Store, os ...directory.Organisation) {
	t.Helper()
	for _, o := range os {
		if err := s.CreateOrganisation(t.Context(), o); err != nil {
			t.Fatalf("CreateOrganisation(%s): %v", o.ID, err)
		}
	}
}

func stUnmet(id string, need directory.NeedArea, district, lang string, group directory.TargetGroup, on string) directory.UnmetNeed {
	return directory.UnmetNeed{ID: id, Need: need, DistrictID: district, Language: lang, TargetGroup: group, RecordedOn: on}
}

func stSameCounts(t *testing.T, what string, got, want []store.UnmetNeedCount) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %+v\nwant %+v", what, got, want)
	}
}

func testUnmetNeedsRecordAndCount(t *testing.T, s store.Store) {
	ctx := t.Context()
	stDistricts(t, s)
	if err := s.RecordUnmetNeeds(ctx, nil); err != nil {
		t.Fatalf("RecordUnmetNeeds(nil): %v", err)
	}
	lang, housing, work := directory.NeedLanguage, directory.NeedHousing, directory.NeedWork
	women, adults := directory.GroupWomen, directory.GroupAdults
	if err := s.RecordUnmetNeeds(ctx, []directory.UnmetNeed{
		stUnmet("u1", lang, "sg-mitte", "ar", women, "2025-01-01"),
		stUnmet("u2", lang, "sg-mitte", "ar", women, "2025-01-31"),
		stUnmet("u3", lang, "sg-mitte", "uk", women, "2025-02-01"),
		stUnmet("u4", housing, "sg-mitte", "", "", "2025-02-15"),
		stUnmet("u5", lang, "sg-wald", "ar", "", "2025-01-15"),
		stUnmet("u6", lang, "wu-elb", "ar", women, "2025-01-20"),
	}); err != nil {
		t.Fatalf("RecordUnmetNeeds: %v", err)
	}
	// A single one, recorded later, joins the counts.
	if err := s.RecordUnmetNeeds(ctx, []directory.UnmetNeed{stUnmet("u7", work, "wu-elb", "tr", adults, "2025-03-01")}); err != nil {
		t.Fatalf("RecordUnmetNeeds(u7): %v", err)
	}
	rows := []store.UnmetNeedCount{
		{DistrictID: "sg-mitte", Need: housing, Language: "", TargetGroup: "", Count: 1},
		{DistrictID: "sg-mitte", Need: lang, Language: "ar", TargetGroup: women, Count: 2},
		{DistrictID: "sg-mitte", Need: lang, Language: "uk", TargetGroup: women, Count: 1},
		{DistrictID: "sg-wald", Need: lang, Language: "ar", TargetGroup: "", Count: 1},
		{DistrictID: "wu-elb", Need: lang, Language: "ar", TargetGroup: women, Count: 1},
		{DistrictID: "wu-elb", Need: work, Language: "tr", TargetGroup: adults, Count: 1},
	}
	for _, c := range []struct {
		name string
		f    store.UnmetNeedFilter
		want []store.UnmetNeedCount
	}{
		{"all", store.UnmetNeedFilter{}, rows},
		{"municipality", store.UnmetNeedFilter{Municipality: "Solingen"}, rows[:4]},
		{"districts", store.UnmetNeedFilter{DistrictIDs: []string{"sg-wald", "wu-elb"}}, rows[3:]},
		{"needs", store.UnmetNeedFilter{Needs: []directory.NeedArea{lang}}, rows[1:5]},
		{"dates inclusive", store.UnmetNeedFilter{Since: "2025-01-31", Until: "2025-02-01"}, []store.UnmetNeedCount{
			{DistrictID: "sg-mitte", Need: lang, Language: "ar", TargetGroup: women, Count: 1},
			{DistrictID: "sg-mitte", Need: lang, Language: "uk", TargetGroup: women, Count: 1},
		}},
		{"since", store.UnmetNeedFilter{Since: "2025-02-15"}, []store.UnmetNeedCount{rows[0], rows[5]}},
		{"until", store.UnmetNeedFilter{Until: "2025-01-01"}, []store.UnmetNeedCount{
			{DistrictID: "sg-mitte", Need: lang, Language: "ar", TargetGroup: women, Count: 1},
		}},
		{"combined", store.UnmetNeedFilter{Municipality: "Wuppertal", Needs: []directory.NeedArea{work, housing}}, rows[5:]},
		{"municipality and other district", store.UnmetNeedFilter{Municipality: "Solingen", DistrictIDs: []string{"wu-elb"}}, nil},
		{"unknown municipality", store.UnmetNeedFilter{Municipality: "Köln"}, nil},
	} {
		got, err := s.UnmetNeedCounts(ctx, c.f)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		stSameCounts(t, c.name, got, c.want)
	}
	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatalf("Counts: %v", err)
	}
	if counts.UnmetNeeds != 7 {
		t.Errorf("Counts().UnmetNeeds = %d, want 7", counts.UnmetNeeds)
	}
}

func testUnmetNeedsRefused(t *testing.T, s store.Store) {
	ctx := t.Context()
	stDistricts(t, s)
	lang := directory.NeedLanguage
	if err := s.RecordUnmetNeeds(ctx, []directory.UnmetNeed{stUnmet("u1", lang, "sg-mitte", "ar", "", "2025-01-01")}); err != nil {
		t.Fatal(err)
	}
	// (Field problems are the service's: directory.ValidateUnmetNeeds.)
	// Unknown district: *NotFound on districtId, and nothing of the batch is stored.
	err := s.RecordUnmetNeeds(ctx, []directory.UnmetNeed{
		stUnmet("u6", lang, "sg-mitte", "", "", "2025-01-03"),
		stUnmet("u7", lang, "sg-nowhere", "", "", "2025-01-03"),
	})
	var nf *store.NotFound
	if !errors.As(err, &nf) || *nf != (store.NotFound{Field: "districtId", Entity: "district", ID: "sg-nowhere"}) {
		t.Errorf("unknown district: error %#v, want NotFound{districtId, district, sg-nowhere}", err)
	}
	// A taken id is a conflict.
	err = s.RecordUnmetNeeds(ctx, []directory.UnmetNeed{
		stUnmet("u8", lang, "sg-mitte", "", "", "2025-01-03"),
		stUnmet("u1", lang, "sg-wald", "", "", "2025-01-03"),
	})
	if !errors.Is(err, store.ErrConflict) {
		t.Errorf("taken id: error %v, want a conflict", err)
	}
	got, err := s.UnmetNeedCounts(ctx, store.UnmetNeedFilter{})
	if err != nil {
		t.Fatal(err)
	}
	stSameCounts(t, "after refused writes", got, []store.UnmetNeedCount{{DistrictID: "sg-mitte", Need: lang, Language: "ar", Count: 1}})
}

// stOffer is an active, free, funded offer; change what a test needs.
func stOffer(id, provider string, cat directory.OfferCategory, district string, loc *directory.GeoPoint,
	needs []directory.NeedArea, langs ...string) directory.Offer {
	return directory.Offer{
		ID: id, ProviderID: provider, Title: "Angebot " + id, Category: cat, Needs: needs,
		TargetGroups: []directory.TargetGroup{directory.GroupAll}, Languages: langs, Cost: directory.CostFree,
		Funding: directory.FundingFunded, Status: directory.StatusActive, DistrictID: district, Location: loc,
		UpdatedAt: stUpdated,
	}
}

// stMove returns p moved by the given kilometres north and east.
func stMove(p directory.GeoPoint, northKm, eastKm float64) *directory.GeoPoint {
	const kmPerDeg = directory.EarthRadiusKm * math.Pi / 180
	return &directory.GeoPoint{Lat: p.Lat + northKm/kmPerDeg, Lon: p.Lon + eastKm/(kmPerDeg*math.Cos(p.Lat*math.Pi/180))}
}

func stIDs(os []directory.Offer) []string {
	ids := []string{}
	for _, o := range os {
		ids = append(ids, o.ID)
	}
	return ids
}

// testGapFacts runs GapFacts over one fixture (gapFixtureOffers and unmet
// needs), one subtest per question; later subtests see the changes of
// earlier ones.
func testGapFacts(t *testing.T, s store.Store) {
	offers := loadGapFixture(t, s)
	t.Run("Solingen", func(t *testing.T) { gapFactsSolingen(t, s) })
	t.Run("OffersComeWhole", func(t *testing.T) { gapFactsWholeOffers(t, s) })
	t.Run("RadiusAndNeeds", func(t *testing.T) { gapFactsRadiusAndNeeds(t, s) })
	t.Run("FollowUpdates", func(t *testing.T) { gapFactsFollowUpdates(t, s, offers) })
	t.Run("AllMunicipalities", func(t *testing.T) { gapFactsAllMunicipalities(t, s) })
	t.Run("MunicipalityWithoutDistricts", func(t *testing.T) { gapFactsWithoutDistricts(t, s) })
}

// The need areas, categories and target group of the gap fixture.
const (
	gLang, gWork, gFamily = directory.NeedLanguage, directory.NeedWork, directory.NeedFamilyChildcare
	gResidence, gAuth     = directory.NeedResidence, directory.NeedAuthorities
	gSocial, gHousing     = directory.NeedSocialParticipation, directory.NeedHousing
	gIC, gLC              = directory.CategoryIntegrationCourse, directory.CategoryLanguageCourse
	gKita, gPassage       = directory.CategoryChildcare, directory.CategoryPassageGroup
	gWomen                = directory.GroupWomen
)

// loadGapFixture stores the districts, organisations, offers and unmet
// needs of the gap fixture and returns the offers.
func loadGapFixture(t *testing.T, s store.Store) []directory.Offer {
	ctx := t.Context()
	stDistricts(t, s)
	stCreateOrgs(t, s,
		stOrg("org-vhs", "VHS Solingen", "sg-mitte", "Solingen"),
		stOrg("org-awo", "AWO Solingen", "sg-wald", "Solingen"),
		stOrg("org-wu", "Diakonie Wuppertal", "wu-elb", "Wuppertal"))
	offers := gapFixtureOffers(t)
	for _, o := range offers {
		if err := s.CreateOffer(ctx, o); err != nil {
			t.Fatalf("CreateOffer(%s): %v", o.ID, err)
		}
	}
	if err := s.RecordUnmetNeeds(ctx, []directory.UnmetNeed{
		stUnmet("un-1", gLang, "sg-mitte", "ar", gWomen, "2025-01-10"),
		stUnmet("un-2", gLang, "sg-mitte", "ar", gWomen, "2025-01-11"),
		stUnmet("un-3", gHousing, "sg-wald", "", "", "2025-02-01"),
		stUnmet("un-4", gLang, "wu-elb", "ar", gWomen, "2025-01-10"),
	}); err != nil {
		t.Fatal(err)
	}

	return offers
}

// gapFixtureOffers are courses with and without childcare near them (a
// Passagegruppe 500 m away, a Kita just over 1 km away, a paused one nearer,
// one 2 km away) and full, planned, paused and unfunded offers, in three
// Solingen districts, Wuppertal and none (digital).
func gapFixtureOffers(t *testing.T) []directory.Offer {
	var (
		p1              = directory.GeoPoint{Lat: 51.1700, Lon: 7.0800} // Mitte
		p2              = directory.GeoPoint{Lat: 51.1800, Lon: 7.0900} // Mitte
		p3              = directory.GeoPoint{Lat: 51.1600, Lon: 7.0100} // Wald
		wuppertal       = directory.GeoPoint{Lat: 51.2562, Lon: 7.1508}
		near500, far2km = stMove(p2, 0.5, 0), stMove(p3, 2, 0)
		corner          = stMove(p3, 0.73, 0.73) // inside a 1 km bounding box, but 1.03 km away
		pausedNear      = stMove(p3, 0, 0.3)
		one             = []directory.NeedArea{gLang}
		withChildcare   = func(o directory.Offer) directory.Offer { o.Childcare = true; return o }
		places          = func(o directory.Offer, capacity, free *int) directory.Offer {
			o.Capacity, o.FreePlaces = capacity, free
			return o
		}
		state = func(o directory.Offer, st directory.OfferStatus, f directory.Funding) directory.Offer {
			o.Status, o.Funding = st, f
			return o
		}
		digital             = stOffer("off-digital", "org-vhs", directory.CategoryLegalAdvice, "", nil, []directory.NeedArea{gResidence}, "de")
		courseWithChildcare = withChildcare(places(stOffer("off-ic-cc", "org-vhs", gIC, "sg-mitte", &p1, one, "de"), stInt(20), stInt(4)))
		courseFar           = places(stOffer("off-ic-far", "org-awo", gIC, "sg-wald", &p3, one, "de", "ru"), stInt(12), nil)
	)
	if d := directory.DistanceKm(p2, *near500); d < 0.49 || d > 0.51 {
		t.Fatalf("fixture: Passagegruppe is %.3f km from the course, want 0.5", d)
	}
	if d := directory.DistanceKm(p3, *corner); d < 1.01 || d > 1.1 {
		t.Fatalf("fixture: corner Kita is %.3f km from the course, want just over 1", d)
	}
	if d := directory.DistanceKm(p3, *far2km); d < 1.99 || d > 2.01 {
		t.Fatalf("fixture: far Kita is %.3f km from the course, want 2", d)
	}
	digital.Digital = true
	offers := []directory.Offer{
		// Mitte
		courseWithChildcare,
		places(stOffer("off-lc-pass", "org-vhs", gLC, "sg-mitte", &p2, []directory.NeedArea{gLang, gWork}, "de", "ar"), stInt(15), stInt(3)),
		withChildcare(stOffer("off-pass", "org-awo", gPassage, "sg-mitte", near500, []directory.NeedArea{gFamily}, "de", "tr")),
		places(stOffer("off-full", "org-awo", directory.CategoryMigrationCounselling, "sg-mitte", nil, []directory.NeedArea{gResidence, gAuth}, "ar", "fa"), stInt(10), stInt(0)),
		places(stOffer("off-cap0", "org-awo", directory.CategoryMeetingPlace, "sg-mitte", nil, []directory.NeedArea{gSocial}, "de"), stInt(0), stInt(0)),
		state(stOffer("off-planned", "org-vhs", gLC, "sg-mitte", &p1, one, "uk"), directory.StatusPlanned, directory.FundingUnfunded),
		state(stOffer("off-paused", "org-awo", directory.CategoryHousingSupport, "sg-mitte", nil, []directory.NeedArea{gHousing}, "de"), directory.StatusPaused, directory.FundingApplied),
		state(stOffer("off-planned-funded", "org-awo", directory.CategoryHousingSupport, "sg-mitte", nil, []directory.NeedArea{gHousing}, "de"), directory.StatusPlanned, directory.FundingFunded),
		state(stOffer("off-ended", "org-awo", directory.CategoryHousingSupport, "sg-mitte", nil, []directory.NeedArea{gHousing}, "de"), directory.StatusEnded, directory.FundingUnfunded),
		state(stOffer("off-active-unfunded", "org-awo", directory.CategoryHousingSupport, "sg-mitte", nil, []directory.NeedArea{gHousing}, "en"), directory.StatusActive, directory.FundingUnfunded),
		// Wald
		courseFar,
		places(stOffer("off-kita-far", "org-awo", gKita, "sg-wald", far2km, []directory.NeedArea{gFamily}, "de"), stInt(30), stInt(2)),
		state(stOffer("off-kita-paused", "org-awo", gKita, "sg-wald", pausedNear, []directory.NeedArea{gFamily}, "de"), directory.StatusPaused, directory.FundingFunded),
		stOffer("off-kita-corner", "org-awo", gKita, "sg-wald", corner, []directory.NeedArea{gFamily}, "de"),
		// Ohligs: only German
		places(stOffer("off-lc-noloc", "org-vhs", gLC, "sg-ohligs", nil, one, "de"), stInt(10), stInt(10)),
		places(stOffer("off-sport", "org-awo", directory.CategorySportsLeisure, "sg-ohligs", nil, []directory.NeedArea{gSocial}, "de"), nil, stInt(5)),
		// Wuppertal, and a digital offer without district: in no municipality's facts
		places(stOffer("off-wu-full", "org-wu", directory.CategoryEmploymentSupport, "wu-elb", nil, []directory.NeedArea{gWork}, "de"), stInt(5), stInt(0)),
		stOffer("off-wu-ic", "org-wu", gIC, "wu-elb", &wuppertal, one, "de"),
		state(stOffer("off-wu-unfunded", "org-wu", gLC, "wu-elb", nil, one, "de"), directory.StatusPlanned, directory.FundingUnfunded),
		digital,
	}
	return offers
}

func gapFactsSolingen(t *testing.T, s store.Store) {
	ctx := t.Context()
	facts, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1})
	if err != nil {
		t.Fatalf("GapFacts: %v", err)
	}
	var dids []string
	for _, d := range facts.Districts {
		dids = append(dids, d.ID)
	}
	if want := []string{"sg-mitte", "sg-ohligs", "sg-wald"}; !reflect.DeepEqual(dids, want) {
		t.Errorf("Districts = %v, want %v", dids, want)
	}
	wantSupply := []store.NeedSupply{
		{DistrictID: "sg-mitte", Need: gAuth, ActiveOffers: 1, FreePlaces: 0},
		{DistrictID: "sg-mitte", Need: gFamily, ActiveOffers: 1, FreePlaces: 0},
		{DistrictID: "sg-mitte", Need: gHousing, ActiveOffers: 1, FreePlaces: 0},
		{DistrictID: "sg-mitte", Need: gLang, ActiveOffers: 2, FreePlaces: 7},
		{DistrictID: "sg-mitte", Need: gResidence, ActiveOffers: 1, FreePlaces: 0},
		{DistrictID: "sg-mitte", Need: gSocial, ActiveOffers: 1, FreePlaces: 0},
		{DistrictID: "sg-mitte", Need: gWork, ActiveOffers: 1, FreePlaces: 3},
		{DistrictID: "sg-ohligs", Need: gLang, ActiveOffers: 1, FreePlaces: 10},
		{DistrictID: "sg-ohligs", Need: gSocial, ActiveOffers: 1, FreePlaces: 5},
		{DistrictID: "sg-wald", Need: gFamily, ActiveOffers: 2, FreePlaces: 2},
		{DistrictID: "sg-wald", Need: gLang, ActiveOffers: 1, FreePlaces: 0},
	}
	if !reflect.DeepEqual(facts.Supply, wantSupply) {
		t.Errorf("Supply:\n got %+v\nwant %+v", facts.Supply, wantSupply)
	}
	wantCats := wantGapCategories()
	if !reflect.DeepEqual(facts.Categories, wantCats) {
		t.Errorf("Categories:\n got %+v\nwant %+v", facts.Categories, wantCats)
	}
	wantLangs := wantGapLanguages()
	if !reflect.DeepEqual(facts.DistrictLanguages, wantLangs) {
		t.Errorf("DistrictLanguages:\n got %+v\nwant %+v", facts.DistrictLanguages, wantLangs)
	}
	stSameCounts(t, "UnmetNeeds", facts.UnmetNeeds, []store.UnmetNeedCount{
		{DistrictID: "sg-mitte", Need: gLang, Language: "ar", TargetGroup: gWomen, Count: 2},
		{DistrictID: "sg-wald", Need: gHousing, Count: 1},
	})
	// off-gLC-pass has a Passagegruppe 500 m away; off-gIC-far's nearest active
	// Kita is 1.03 km away (a paused one is closer); off-gLC-noloc has no location.
	if ids, want := stIDs(facts.CoursesWithoutChildcare), []string{"off-ic-far", "off-lc-noloc"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("CoursesWithoutChildcare = %v, want %v", ids, want)
	}
	if ids, want := stIDs(facts.AlwaysFull), []string{"off-full"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("AlwaysFull = %v, want %v", ids, want)
	}
	if ids, want := stIDs(facts.Unfunded), []string{"off-paused", "off-planned"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Unfunded = %v, want %v", ids, want)
	}
}

func wantGapCategories() []store.CategorySupply {
	return []store.CategorySupply{
		{DistrictID: "sg-mitte", Category: directory.CategoryHousingSupport, ActiveOffers: 1},
		{DistrictID: "sg-mitte", Category: gIC, ActiveOffers: 1},
		{DistrictID: "sg-mitte", Category: gLC, ActiveOffers: 1},
		{DistrictID: "sg-mitte", Category: directory.CategoryMeetingPlace, ActiveOffers: 1},
		{DistrictID: "sg-mitte", Category: directory.CategoryMigrationCounselling, ActiveOffers: 1},
		{DistrictID: "sg-mitte", Category: gPassage, ActiveOffers: 1},
		{DistrictID: "sg-ohligs", Category: gLC, ActiveOffers: 1},
		{DistrictID: "sg-ohligs", Category: directory.CategorySportsLeisure, ActiveOffers: 1},
		{DistrictID: "sg-wald", Category: gKita, ActiveOffers: 2},
		{DistrictID: "sg-wald", Category: gIC, ActiveOffers: 1},
	}
}

func wantGapLanguages() []store.DistrictLanguage {
	return []store.DistrictLanguage{
		{DistrictID: "sg-mitte", Need: gAuth, Language: "ar", Offers: 1},
		{DistrictID: "sg-mitte", Need: gAuth, Language: "fa", Offers: 1},
		{DistrictID: "sg-mitte", Need: gFamily, Language: "de", Offers: 1},
		{DistrictID: "sg-mitte", Need: gFamily, Language: "tr", Offers: 1},
		{DistrictID: "sg-mitte", Need: gHousing, Language: "en", Offers: 1},
		{DistrictID: "sg-mitte", Need: gLang, Language: "ar", Offers: 1},
		{DistrictID: "sg-mitte", Need: gLang, Language: "de", Offers: 2},
		{DistrictID: "sg-mitte", Need: gResidence, Language: "ar", Offers: 1},
		{DistrictID: "sg-mitte", Need: gResidence, Language: "fa", Offers: 1},
		{DistrictID: "sg-mitte", Need: gSocial, Language: "de", Offers: 1},
		{DistrictID: "sg-mitte", Need: gWork, Language: "ar", Offers: 1},
		{DistrictID: "sg-mitte", Need: gWork, Language: "de", Offers: 1},
		{DistrictID: "sg-ohligs", Need: gLang, Language: "de", Offers: 1},
		{DistrictID: "sg-ohligs", Need: gSocial, Language: "de", Offers: 1},
		{DistrictID: "sg-wald", Need: gFamily, Language: "de", Offers: 2},
		{DistrictID: "sg-wald", Need: gLang, Language: "de", Offers: 1},
		{DistrictID: "sg-wald", Need: gLang, Language: "ru", Offers: 1},
	}
}

func gapFactsWholeOffers(t *testing.T, s store.Store) {
	ctx := t.Context()
	facts, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1})
	if err != nil {
		t.Fatal(err)
	}
	// The offers come whole, as OffersByID returns them.
	if len(facts.CoursesWithoutChildcare) == 2 {
		stored, err := s.OffersByID(ctx, []string{"off-ic-far"})
		if err != nil || len(stored) != 1 {
			t.Fatalf("OffersByID(off-ic-far) = %v, %v", stored, err)
		}
		if !reflect.DeepEqual(facts.CoursesWithoutChildcare[0], stored[0]) {
			t.Errorf("CoursesWithoutChildcare[0]:\n got %+v\nwant %+v", facts.CoursesWithoutChildcare[0], stored[0])
		}
		if got := facts.CoursesWithoutChildcare[0]; got.Capacity == nil || *got.Capacity != 12 || got.FreePlaces != nil ||
			!reflect.DeepEqual(got.Languages, []string{"de", "ru"}) || got.Location == nil {
			t.Errorf("CoursesWithoutChildcare[0] lost fields: %+v", got)
		}
	}

}

func gapFactsRadiusAndNeeds(t *testing.T, s store.Store) {
	ctx := t.Context()
	// A wider radius reaches the Kita 1.03 km away; need areas narrow supply and unmet needs.
	facts, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Solingen", Needs: []directory.NeedArea{gLang, gWork}, ChildcareRadiusKm: 1.1})
	if err != nil {
		t.Fatal(err)
	}
	if ids, want := stIDs(facts.CoursesWithoutChildcare), []string{"off-lc-noloc"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("radius 1.1: CoursesWithoutChildcare = %v, want %v", ids, want)
	}
	wantSupply := []store.NeedSupply{
		{DistrictID: "sg-mitte", Need: gLang, ActiveOffers: 2, FreePlaces: 7},
		{DistrictID: "sg-mitte", Need: gWork, ActiveOffers: 1, FreePlaces: 3},
		{DistrictID: "sg-ohligs", Need: gLang, ActiveOffers: 1, FreePlaces: 10},
		{DistrictID: "sg-wald", Need: gLang, ActiveOffers: 1, FreePlaces: 0},
	}
	if !reflect.DeepEqual(facts.Supply, wantSupply) {
		t.Errorf("needs LANGUAGE, WORK: Supply:\n got %+v\nwant %+v", facts.Supply, wantSupply)
	}
	stSameCounts(t, "needs LANGUAGE, WORK: UnmetNeeds", facts.UnmetNeeds, []store.UnmetNeedCount{
		{DistrictID: "sg-mitte", Need: gLang, Language: "ar", TargetGroup: gWomen, Count: 2},
	})
	if len(facts.Categories) != len(wantGapCategories()) || len(facts.DistrictLanguages) != len(wantGapLanguages()) {
		t.Errorf("needs must not narrow categories (%d) or languages (%d)", len(facts.Categories), len(facts.DistrictLanguages))
	}

}

func gapFactsFollowUpdates(t *testing.T, s store.Store, offers []directory.Offer) {
	ctx := t.Context()
	// Childcare follows updates and deletions: pausing the Passagegruppe
	// uncovers off-gLC-pass; activating the Kita 300 m from off-gIC-far covers
	// it; deleting that Kita uncovers it again.
	coursesWithout := func(what string, want ...string) {
		t.Helper()
		facts, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1})
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ids := stIDs(facts.CoursesWithoutChildcare); !reflect.DeepEqual(ids, want) {
			t.Errorf("%s: CoursesWithoutChildcare = %v, want %v", what, ids, want)
		}
	}
	for _, o := range offers {
		switch o.ID {
		case "off-pass":
			o.Status = directory.StatusPaused
		case "off-kita-paused":
			o.Status = directory.StatusActive
		default:
			continue
		}
		if err := replaceOffer(ctx, s, o); err != nil {
			t.Fatalf("UpdateOffer(%s): %v", o.ID, err)
		}
	}
	coursesWithout("after updates", "off-lc-noloc", "off-lc-pass")
	if err := s.DeleteOffer(ctx, "off-kita-paused"); err != nil {
		t.Fatalf("DeleteOffer: %v", err)
	}
	coursesWithout("after deletion", "off-ic-far", "off-lc-noloc", "off-lc-pass")
	for _, o := range offers {
		if o.ID == "off-pass" {
			if err := replaceOffer(ctx, s, o); err != nil { // active again
				t.Fatal(err)
			}
		}
	}
	coursesWithout("after reactivation", "off-ic-far", "off-lc-noloc")

}

func gapFactsAllMunicipalities(t *testing.T, s store.Store) {
	ctx := t.Context()
	// All municipalities: Wuppertal's offers join; the digital offer without district does not.
	facts, err := s.GapFacts(ctx, store.GapQuery{ChildcareRadiusKm: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(facts.Districts) != 4 {
		t.Errorf("all: %d districts, want 4", len(facts.Districts))
	}
	if ids, want := stIDs(facts.CoursesWithoutChildcare), []string{"off-ic-far", "off-lc-noloc", "off-wu-ic"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("all: CoursesWithoutChildcare = %v, want %v", ids, want)
	}
	if ids, want := stIDs(facts.AlwaysFull), []string{"off-full", "off-wu-full"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("all: AlwaysFull = %v, want %v", ids, want)
	}
	if ids, want := stIDs(facts.Unfunded), []string{"off-paused", "off-planned", "off-wu-unfunded"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("all: Unfunded = %v, want %v", ids, want)
	}
	if n := len(facts.UnmetNeeds); n != 3 {
		t.Errorf("all: %d unmet need rows, want 3", n)
	}
	for _, sp := range facts.Supply {
		if sp.DistrictID == "" {
			t.Errorf("all: supply without district: %+v", sp)
		}
	}

}

func gapFactsWithoutDistricts(t *testing.T, s store.Store) {
	ctx := t.Context()
	// A municipality without districts has no facts.
	facts, err := s.GapFacts(ctx, store.GapQuery{Municipality: "Köln", ChildcareRadiusKm: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(facts.Districts)+len(facts.Supply)+len(facts.Categories)+len(facts.DistrictLanguages)+len(facts.UnmetNeeds)+
		len(facts.CoursesWithoutChildcare)+len(facts.AlwaysFull)+len(facts.Unfunded) != 0 {
		t.Errorf("Köln: facts %+v, want none", facts)
	}
}

func stGraphIDs(g store.Graph) (orgs []string, coops [][2]string) {
	for _, o := range g.Organisations {
		orgs = append(orgs, o.ID)
	}
	for _, c := range g.Cooperations {
		coops = append(coops, [2]string{c.A, c.B})
	}
	return orgs, coops
}

func stSameGraph(t *testing.T, what string, g store.Graph, orgs []string, coops [][2]string) {
	t.Helper()
	gotOrgs, gotCoops := stGraphIDs(g)
	if !reflect.DeepEqual(gotOrgs, orgs) {
		t.Errorf("%s: organisations %v, want %v", what, gotOrgs, orgs)
	}
	if len(gotCoops) == 0 && len(coops) == 0 {
		return
	}
	if !reflect.DeepEqual(gotCoops, coops) {
		t.Errorf("%s: cooperations %v, want %v", what, gotCoops, coops)
	}
}

func stCooperate(t *testing.T, s store.Store, cs ...directory.Cooperation) {
	t.Helper()
	for _, c := range cs {
		if err := s.AddCooperation(t.Context(), c); err != nil {
			t.Fatalf("AddCooperation(%s, %s): %v", c.A, c.B, err)
		}
	}
}

func testCooperationGraph(t *testing.T, s store.Store) {
	ctx := t.Context()
	stDistricts(t, s)
	stCreateOrgs(t, s,
		stOrg("s3", "Caritas Solingen", "sg-wald", "Solingen"),
		stOrg("s1", "Zentrum für Integration", "sg-mitte", "Solingen"),
		stOrg("s2", "AWO Solingen", "sg-mitte", "Solingen"),
		stOrg("w1", "Jobcenter Wuppertal", "wu-elb", "Wuppertal"),
		stOrg("w2", "Diakonie Wuppertal", "wu-elb", "Wuppertal"))
	stCooperate(t, s,
		directory.Cooperation{A: "s2", B: "s1", Since: "2021-05-01", Topics: []string{"Sprachkurse", "Kinderbetreuung"}},
		directory.Cooperation{A: "s2", B: "s3"},
		directory.Cooperation{A: "w1", B: "s1", Since: "2020-01-01"},
		directory.Cooperation{A: "w1", B: "w2"})

	g, err := s.CooperationGraph(ctx, "Solingen")
	if err != nil {
		t.Fatalf("CooperationGraph(Solingen): %v", err)
	}
	stSameGraph(t, "Solingen", g, []string{"s1", "s2", "s3"}, [][2]string{{"s1", "s2"}, {"s2", "s3"}})
	if len(g.Cooperations) > 0 {
		want := directory.Cooperation{A: "s1", B: "s2", Since: "2021-05-01", Topics: []string{"Sprachkurse", "Kinderbetreuung"}}
		if !reflect.DeepEqual(g.Cooperations[0], want) {
			t.Errorf("Solingen: cooperation %+v, want %+v", g.Cooperations[0], want)
		}
	}
	if len(g.Organisations) > 0 {
		stored, err := s.OrganisationsByID(ctx, []string{"s1"})
		if err != nil || len(stored) != 1 {
			t.Fatalf("OrganisationsByID(s1) = %v, %v", stored, err)
		}
		if !reflect.DeepEqual(g.Organisations[0], stored[0]) {
			t.Errorf("Solingen: organisation %+v, want %+v", g.Organisations[0], stored[0])
		}
	}

	if g, err = s.CooperationGraph(ctx, ""); err != nil {
		t.Fatal(err)
	}
	stSameGraph(t, "all", g, []string{"s1", "s2", "s3", "w1", "w2"}, [][2]string{{"s1", "s2"}, {"s1", "w1"}, {"s2", "s3"}, {"w1", "w2"}})

	if g, err = s.CooperationGraph(ctx, "Wuppertal"); err != nil {
		t.Fatal(err)
	}
	stSameGraph(t, "Wuppertal", g, []string{"w1", "w2"}, [][2]string{{"w1", "w2"}})

	if g, err = s.CooperationGraph(ctx, "Köln"); err != nil {
		t.Fatal(err)
	}
	stSameGraph(t, "Köln", g, nil, nil)
}

func testNeighbourhood(t *testing.T, s store.Store) {
	ctx := t.Context()
	stDistricts(t, s)
	var orgs []directory.Organisation
	for _, id := range []string{"a", "b", "c", "d", "e", "t1", "t2", "t3", "t4"} {
		orgs = append(orgs, stOrg(id, "Organisation "+id, "sg-mitte", "Solingen"))
	}
	stCreateOrgs(t, s, orgs...)
	// A path a–b–c–d (c–d given backwards), e alone, and a triangle t1 t2 t3 with a tail t3–t4.
	stCooperate(t, s,
		directory.Cooperation{A: "a", B: "b"},
		directory.Cooperation{A: "b", B: "c", Topics: []string{"Beratung"}},
		directory.Cooperation{A: "d", B: "c"},
		directory.Cooperation{A: "t1", B: "t2"},
		directory.Cooperation{A: "t2", B: "t3"},
		directory.Cooperation{A: "t3", B: "t1"},
		directory.Cooperation{A: "t3", B: "t4"})

	for _, c := range []struct {
		id    string
		depth int
		orgs  []string
		coops [][2]string
	}{
		{"b", 1, []string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}}},
		{"b", 2, []string{"a", "b", "c", "d"}, [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}}},
		{"a", 2, []string{"a", "b", "c"}, [][2]string{{"a", "b"}, {"b", "c"}}},
		{"a", 3, []string{"a", "b", "c", "d"}, [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}}},
		{"d", 1, []string{"c", "d"}, [][2]string{{"c", "d"}}},
		{"e", 3, []string{"e"}, nil},
		// The cooperation between two organisations at the rim belongs to the neighbourhood.
		{"t1", 1, []string{"t1", "t2", "t3"}, [][2]string{{"t1", "t2"}, {"t1", "t3"}, {"t2", "t3"}}},
		{"t4", 2, []string{"t1", "t2", "t3", "t4"}, [][2]string{{"t1", "t2"}, {"t1", "t3"}, {"t2", "t3"}, {"t3", "t4"}}},
	} {
		g, err := s.Neighbourhood(ctx, c.id, c.depth)
		if err != nil {
			t.Fatalf("Neighbourhood(%s, %d): %v", c.id, c.depth, err)
		}
		stSameGraph(t, fmt.Sprintf("Neighbourhood(%s, %d)", c.id, c.depth), g, c.orgs, c.coops)
	}
	g, err := s.Neighbourhood(ctx, "b", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Cooperations) == 2 && !reflect.DeepEqual(g.Cooperations[1].Topics, []string{"Beratung"}) {
		t.Errorf("Neighbourhood(b, 1): cooperation b–c lost its topics: %+v", g.Cooperations[1])
	}
	if len(g.Organisations) == 3 && g.Organisations[1].Name != "Organisation b" {
		t.Errorf("Neighbourhood(b, 1): organisation %+v is not whole", g.Organisations[1])
	}

	_, err = s.Neighbourhood(ctx, "zz", 1)
	var nf *store.NotFound
	if !errors.As(err, &nf) || nf.ID != "zz" || nf.Entity != "organisation" {
		t.Errorf("Neighbourhood(unknown) error = %#v, want *NotFound for organisation zz", err)
	}
}
