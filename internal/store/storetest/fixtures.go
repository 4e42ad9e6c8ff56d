package storetest

import (
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// The directory fixture: a small network in Solingen and Wuppertal built so
// that every OfferFilter field has offers that match and offers that do not.
// The tests spell out the expected id sets by hand; change the data and you
// change those sets.

func intp(v int) *int { return &v }

// day is a fixed UTC time, so that stored and read times compare equal.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 30, 0, 0, time.UTC) }

// Positions. pCafe is the centre of Solingen-Mitte; pKurs lies 0.01° north of
// it (1.112 km); Ohligs ≈ 5 km west, Elberfeld ≈ 11 km and Barmen ≈ 14 km
// north-east.
var (
	pCafe      = directory.GeoPoint{Lat: 51.1657, Lon: 7.0836}
	pKurs      = directory.GeoPoint{Lat: 51.1757, Lon: 7.0836}
	pOhligs    = directory.GeoPoint{Lat: 51.1660, Lon: 7.0100}
	pElberfeld = directory.GeoPoint{Lat: 51.2562, Lon: 7.1508}
	pBarmen    = directory.GeoPoint{Lat: 51.2728, Lon: 7.1984}
)

func ptr(p directory.GeoPoint) *directory.GeoPoint { return &p }

func fixtureDistricts() []directory.District {
	return []directory.District{
		{ID: "sg-mitte", Name: "Mitte", Municipality: "Solingen", Population: 50000, Centre: ptr(pCafe), RadiusKm: 2.5},
		{ID: "sg-ohligs", Name: "Ohligs/Aufderhöhe/Merscheid", Municipality: "Solingen", Population: 60000, Centre: ptr(pOhligs), RadiusKm: 3},
		{ID: "wt-elberfeld", Name: "Elberfeld", Municipality: "Wuppertal", Population: 67000, Centre: ptr(pElberfeld), RadiusKm: 2},
		{ID: "wt-barmen", Name: "Barmen", Municipality: "Wuppertal", Population: 60000},
	}
}

func fixtureWorkingGroups() []directory.WorkingGroup {
	return []directory.WorkingGroup{
		{ID: "ag-sprache", Name: "AG Sprache", Municipality: "Solingen", Description: "Sprachkurse abstimmen"},
		{ID: "ag-arbeit", Name: "AG Arbeit", Municipality: "Wuppertal"},
	}
}

func fixtureOrganisations() []directory.Organisation {
	return []directory.Organisation{
		{ID: "org-awo", Name: "AWO Solingen", Kind: directory.KindWelfareAssociation, Description: "Arbeiterwohlfahrt Kreisverband",
			DistrictID: "sg-mitte", Municipality: "Solingen", Address: "Hauptstraße 1, 42651 Solingen", Location: ptr(pCafe),
			Website: "https://awo.example", Email: "info@awo.example", Phone: "0212 1234",
			WorkingGroupIDs: []string{"ag-sprache"}, UpdatedAt: day(2025, 1, 2)},
		{ID: "org-vhs", Name: "VHS Wuppertal", Kind: directory.KindEducationProvider, Description: "Volkshochschule",
			DistrictID: "wt-elberfeld", Municipality: "Wuppertal", WorkingGroupIDs: []string{"ag-arbeit", "ag-sprache"}, UpdatedAt: day(2025, 1, 3)},
		{ID: "org-ib", Name: "Internationaler Bund", Kind: directory.KindWelfareAssociation, Description: "Bildungsträger",
			DistrictID: "wt-barmen", Municipality: "Wuppertal", UpdatedAt: day(2025, 1, 4)},
		{ID: "org-jmd", Name: "Jugendmigrationsdienst Wuppertal", Kind: directory.KindOther, Description: "Beratung für junge Menschen",
			ParentID: "org-ib", DistrictID: "wt-barmen", Municipality: "Wuppertal", UpdatedAt: day(2025, 1, 5)},
		{ID: "org-moschee", Name: "Moscheeverein Ohligs", Kind: directory.KindMosque, Description: "Türkisch-islamische Gemeinde",
			DistrictID: "sg-ohligs", Municipality: "Solingen", UpdatedAt: day(2025, 1, 6)},
	}
}

// Offer ids, by title: Bewerbungstraining, Integrationskurs mit
// Kinderbetreuung, Jugendmigrationsdienst Beratung, Mütter-Café,
// Online-Beratung Wohnen, Schuldnerberatung, Spielgruppe Brückenprojekt,
// Sprachcafé Deutsch.
const (
	offBewerb = "off-bewerb"
	offKurs   = "off-ik"
	offJMD    = "off-jmd"
	offCafe   = "off-cafe"
	offWohnen = "off-wohnen"
	offSchuld = "off-schuld"
	offSpiel  = "off-spiel"
	offSprach = "off-sprach"
)

// allByTitle is every fixture offer in title order.
var allByTitle = []string{offBewerb, offKurs, offJMD, offCafe, offWohnen, offSchuld, offSpiel, offSprach}

func fixtureOffers() []directory.Offer {
	return []directory.Offer{
		{ID: offCafe, ProviderID: "org-awo", Title: "Mütter-Café", Description: "Offener Treff für Frauen mit kleinen Kindern, mit Kinderecke.",
			Category: directory.CategoryMeetingPlace, Needs: []directory.NeedArea{directory.NeedSocialParticipation, directory.NeedFamilyChildcare},
			TargetGroups: []directory.TargetGroup{directory.GroupWomen, directory.GroupParents}, Languages: []string{"de", "ar"},
			Childcare: true, Cost: directory.CostFree, Capacity: intp(20), FreePlaces: intp(5), Schedule: "Di 10–12 Uhr", AgeMin: intp(18),
			Funding: directory.FundingFunded, Status: directory.StatusActive, Address: "Hauptstraße 1", Location: ptr(pCafe),
			DistrictID: "sg-mitte", Contact: "cafe@awo.example", UpdatedAt: day(2025, 1, 5)},
		{ID: offKurs, ProviderID: "org-vhs", Title: "Integrationskurs mit Kinderbetreuung", Description: "Frauenintegrationskurs, Modul 1 bis 6.",
			Category: directory.CategoryIntegrationCourse, CourseType: directory.CourseWomen, Needs: []directory.NeedArea{directory.NeedLanguage},
			TargetGroups: []directory.TargetGroup{directory.GroupWomen}, Languages: []string{"de"},
			LegalCircuits: []directory.LegalCircuit{directory.CircuitSGBII, directory.CircuitAufenthG},
			Childcare:     true, Cost: directory.CostFree, Capacity: intp(25), FreePlaces: intp(0), AgeMin: intp(16), AgeMax: intp(65),
			Funding: directory.FundingFunded, Status: directory.StatusActive, Location: ptr(pKurs), DistrictID: "sg-mitte", UpdatedAt: day(2025, 3, 1)},
		{ID: offSprach, ProviderID: "org-vhs", Title: "Sprachcafé Deutsch", Description: "Deutsch üben im Gespräch, offen für alle.",
			Category: directory.CategoryLanguageCourse, Needs: []directory.NeedArea{directory.NeedLanguage, directory.NeedSocialParticipation},
			TargetGroups: []directory.TargetGroup{directory.GroupAll}, Languages: []string{"de", "en", "tr"},
			Cost: directory.CostReduced, Funding: directory.FundingApplied, Status: directory.StatusActive,
			Location: ptr(pElberfeld), DistrictID: "wt-elberfeld", UpdatedAt: day(2025, 2, 1)},
		{ID: offJMD, ProviderID: "org-jmd", Title: "Jugendmigrationsdienst Beratung", Description: "Begleitung junger Menschen von 12 bis 27 Jahren.",
			Category: directory.CategoryMigrationCounselling, Needs: []directory.NeedArea{directory.NeedResidence, directory.NeedEducation, directory.NeedWork},
			TargetGroups: []directory.TargetGroup{directory.GroupYouth}, Languages: []string{"de", "ru", "uk"},
			LegalCircuits: []directory.LegalCircuit{directory.CircuitSGBVIII},
			Cost:          directory.CostFree, Capacity: intp(50), FreePlaces: intp(12), AgeMin: intp(12), AgeMax: intp(27),
			Funding: directory.FundingFunded, Status: directory.StatusActive, Location: ptr(pBarmen), DistrictID: "wt-barmen", UpdatedAt: day(2025, 4, 1)},
		{ID: offBewerb, ProviderID: "org-vhs", Title: "Bewerbungstraining", Description: "Lebenslauf, Anschreiben und Vorstellungsgespräch.",
			Category: directory.CategoryEmploymentSupport, Needs: []directory.NeedArea{directory.NeedWork},
			TargetGroups: []directory.TargetGroup{directory.GroupAdults, directory.GroupRefugees}, Languages: []string{"de", "fa"},
			LegalCircuits: []directory.LegalCircuit{directory.CircuitSGBII, directory.CircuitSGBIII},
			Cost:          directory.CostPaid, Capacity: intp(10), FreePlaces: intp(3), AgeMin: intp(18),
			Funding: directory.FundingUnfunded, Status: directory.StatusPlanned, DistrictID: "wt-elberfeld", UpdatedAt: day(2025, 1, 20)},
		{ID: offWohnen, ProviderID: "org-ib", Title: "Online-Beratung Wohnen", Description: "Hilfe bei der Wohnungssuche per Video.",
			Category: directory.CategoryHousingSupport, Needs: []directory.NeedArea{directory.NeedHousing},
			TargetGroups: []directory.TargetGroup{directory.GroupFamilies}, Languages: []string{"de", "en"},
			Cost: directory.CostFree, Funding: directory.FundingFunded, Status: directory.StatusPaused, Digital: true, UpdatedAt: day(2024, 12, 1)},
		{ID: offSpiel, ProviderID: "org-moschee", Title: "Spielgruppe Brückenprojekt", Description: "Spielgruppe für Kinder ohne Kitaplatz, Eltern sind dabei.",
			Category: directory.CategoryPassageGroup, Needs: []directory.NeedArea{directory.NeedFamilyChildcare, directory.NeedEducation},
			TargetGroups: []directory.TargetGroup{directory.GroupChildren, directory.GroupParents}, Languages: []string{"de", "ar", "tr"},
			Childcare: true, Cost: directory.CostFree, Capacity: intp(12), FreePlaces: intp(2), AgeMax: intp(6),
			Funding: directory.FundingFunded, Status: directory.StatusActive, Location: ptr(pOhligs), DistrictID: "sg-ohligs", UpdatedAt: day(2025, 5, 1)},
		{ID: offSchuld, ProviderID: "org-awo", Title: "Schuldnerberatung", Description: "Budgetplanung und Verhandlung mit Gläubigern.",
			Category: directory.CategorySocialCounselling, Needs: []directory.NeedArea{directory.NeedFinances},
			TargetGroups: []directory.TargetGroup{directory.GroupAdults}, Languages: []string{"de"},
			LegalCircuits: []directory.LegalCircuit{directory.CircuitSGBXII}, AgeMin: intp(18),
			Cost: directory.CostFree, Funding: directory.FundingFunded, Status: directory.StatusEnded,
			Location: ptr(pElberfeld), DistrictID: "wt-elberfeld", UpdatedAt: day(2023, 6, 1)},
	}
}

func fixtureCooperations() []directory.Cooperation {
	return []directory.Cooperation{
		{A: "org-awo", B: "org-vhs", Since: "2021-03-01", Topics: []string{"Sprache"}},
		{A: "org-jmd", B: "org-ib"}, // given reversed on purpose
		{A: "org-moschee", B: "org-awo", Since: "2023-09-15", Topics: []string{"Familie", "Kinderbetreuung"}},
	}
}

func fixtureUnmetNeeds() []directory.UnmetNeed {
	return []directory.UnmetNeed{
		{ID: "un-1", Need: directory.NeedLanguage, DistrictID: "sg-mitte", Language: "ti", TargetGroup: directory.GroupWomen, RecordedOn: "2025-02-03"},
		{ID: "un-2", Need: directory.NeedHousing, DistrictID: "wt-barmen", RecordedOn: "2025-03-04"},
	}
}

// fixtureSnapshot is the whole fixture as one document.
func fixtureSnapshot() directory.Snapshot {
	return directory.Snapshot{
		Format: directory.SnapshotFormat, Districts: fixtureDistricts(), WorkingGroups: fixtureWorkingGroups(),
		Organisations: fixtureOrganisations(), Offers: fixtureOffers(), Cooperations: fixtureCooperations(),
		UnmetNeeds: fixtureUnmetNeeds(),
	}
}

// loadFixtures stores the fixture through the single-record methods (no Import).
func loadFixtures(t *testing.T, s store.Store) {
	t.Helper()
	ctx := t.Context()
	if err := s.PutDistricts(ctx, fixtureDistricts()); err != nil {
		t.Fatalf("PutDistricts: %v", err)
	}
	if err := s.PutWorkingGroups(ctx, fixtureWorkingGroups()); err != nil {
		t.Fatalf("PutWorkingGroups: %v", err)
	}
	for _, o := range fixtureOrganisations() {
		if err := s.CreateOrganisation(ctx, o); err != nil {
			t.Fatalf("CreateOrganisation %s: %v", o.ID, err)
		}
	}
	for _, o := range fixtureOffers() {
		if err := s.CreateOffer(ctx, o); err != nil {
			t.Fatalf("CreateOffer %s: %v", o.ID, err)
		}
	}
	for _, c := range fixtureCooperations() {
		if err := s.AddCooperation(ctx, c); err != nil {
			t.Fatalf("AddCooperation %s-%s: %v", c.A, c.B, err)
		}
	}
}
