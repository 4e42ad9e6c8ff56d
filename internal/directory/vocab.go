package directory

// The vocabularies of DESIGN.md §2. Each is a string type whose values are the
// GraphQL enum names, so that the API, the JSON export and both stores speak
// the same words.

// OrganisationKind says what sort of actor an organisation is.
type OrganisationKind string

const (
	KindCityService         OrganisationKind = "CITY_SERVICE"
	KindJobcenter           OrganisationKind = "JOBCENTER"
	KindEmploymentAgency    OrganisationKind = "EMPLOYMENT_AGENCY"
	KindImmigrationOffice   OrganisationKind = "IMMIGRATION_OFFICE"
	KindIntegrationCentre   OrganisationKind = "INTEGRATION_CENTRE"
	KindYouthWelfareOffice  OrganisationKind = "YOUTH_WELFARE_OFFICE"
	KindWelfareAssociation  OrganisationKind = "WELFARE_ASSOCIATION"
	KindMigrantOrganisation OrganisationKind = "MIGRANT_ORGANISATION"
	KindMosque              OrganisationKind = "MOSQUE"
	KindChurch              OrganisationKind = "CHURCH"
	KindSportsClub          OrganisationKind = "SPORTS_CLUB"
	KindCulturalAssociation OrganisationKind = "CULTURAL_ASSOCIATION"
	KindEducationProvider   OrganisationKind = "EDUCATION_PROVIDER"
	KindChamber             OrganisationKind = "CHAMBER"
	KindOther               OrganisationKind = "OTHER"
)

// OrganisationKinds lists every kind in contract order.
var OrganisationKinds = []OrganisationKind{
	KindCityService, KindJobcenter, KindEmploymentAgency, KindImmigrationOffice, KindIntegrationCentre,
	KindYouthWelfareOffice, KindWelfareAssociation, KindMigrantOrganisation, KindMosque, KindChurch,
	KindSportsClub, KindCulturalAssociation, KindEducationProvider, KindChamber, KindOther,
}

// OfferCategory is what kind of help an offer is.
type OfferCategory string

const (
	CategoryIntegrationCourse    OfferCategory = "INTEGRATION_COURSE"
	CategoryLanguageCourse       OfferCategory = "LANGUAGE_COURSE"
	CategoryChildcare            OfferCategory = "CHILDCARE"
	CategoryPassageGroup         OfferCategory = "PASSAGE_GROUP"
	CategoryMigrationCounselling OfferCategory = "MIGRATION_COUNSELLING"
	CategoryCaseManagement       OfferCategory = "CASE_MANAGEMENT"
	CategorySocialCounselling    OfferCategory = "SOCIAL_COUNSELLING"
	CategoryEmploymentSupport    OfferCategory = "EMPLOYMENT_SUPPORT"
	CategoryEducationSupport     OfferCategory = "EDUCATION_SUPPORT"
	CategoryHousingSupport       OfferCategory = "HOUSING_SUPPORT"
	CategoryHealthService        OfferCategory = "HEALTH_SERVICE"
	CategoryLegalAdvice          OfferCategory = "LEGAL_ADVICE"
	CategoryMeetingPlace         OfferCategory = "MEETING_PLACE"
	CategorySportsLeisure        OfferCategory = "SPORTS_LEISURE"
	CategoryOther                OfferCategory = "OTHER"
)

// OfferCategories lists every category in contract order.
var OfferCategories = []OfferCategory{
	CategoryIntegrationCourse, CategoryLanguageCourse, CategoryChildcare, CategoryPassageGroup,
	CategoryMigrationCounselling, CategoryCaseManagement, CategorySocialCounselling, CategoryEmploymentSupport,
	CategoryEducationSupport, CategoryHousingSupport, CategoryHealthService, CategoryLegalAdvice,
	CategoryMeetingPlace, CategorySportsLeisure, CategoryOther,
}

// CourseType is the BAMF course type of an integration course.
type CourseType string

const (
	CourseGeneral      CourseType = "GENERAL"
	CourseWomen        CourseType = "WOMEN"
	CourseParents      CourseType = "PARENTS"
	CourseYouth        CourseType = "YOUTH"
	CourseLiteracy     CourseType = "LITERACY"
	CourseSecondScript CourseType = "SECOND_SCRIPT"
	CourseIntensive    CourseType = "INTENSIVE"
	CourseSupport      CourseType = "SUPPORT"
)

// CourseTypes lists every course type in contract order.
var CourseTypes = []CourseType{
	CourseGeneral, CourseWomen, CourseParents, CourseYouth, CourseLiteracy, CourseSecondScript, CourseIntensive, CourseSupport,
}

// NeedArea is a Handlungsfeld.
type NeedArea string

const (
	NeedResidence           NeedArea = "RESIDENCE"
	NeedLanguage            NeedArea = "LANGUAGE"
	NeedEducation           NeedArea = "EDUCATION"
	NeedWork                NeedArea = "WORK"
	NeedHousing             NeedArea = "HOUSING"
	NeedHealth              NeedArea = "HEALTH"
	NeedFamilyChildcare     NeedArea = "FAMILY_CHILDCARE"
	NeedFinances            NeedArea = "FINANCES"
	NeedAuthorities         NeedArea = "AUTHORITIES"
	NeedSocialParticipation NeedArea = "SOCIAL_PARTICIPATION"
)

// NeedAreas lists every need area in contract order.
var NeedAreas = []NeedArea{
	NeedResidence, NeedLanguage, NeedEducation, NeedWork, NeedHousing, NeedHealth,
	NeedFamilyChildcare, NeedFinances, NeedAuthorities, NeedSocialParticipation,
}

// TargetGroup is a group of people an offer is meant for.
type TargetGroup string

const (
	GroupWomen       TargetGroup = "WOMEN"
	GroupParents     TargetGroup = "PARENTS"
	GroupFamilies    TargetGroup = "FAMILIES"
	GroupChildren    TargetGroup = "CHILDREN"
	GroupYouth       TargetGroup = "YOUTH"
	GroupAdults      TargetGroup = "ADULTS"
	GroupSeniors     TargetGroup = "SENIORS"
	GroupRefugees    TargetGroup = "REFUGEES"
	GroupNewArrivals TargetGroup = "NEW_ARRIVALS"
	GroupEUCitizens  TargetGroup = "EU_CITIZENS"
	GroupAll         TargetGroup = "ALL"
)

// TargetGroups lists every target group in contract order.
var TargetGroups = []TargetGroup{
	GroupWomen, GroupParents, GroupFamilies, GroupChildren, GroupYouth, GroupAdults,
	GroupSeniors, GroupRefugees, GroupNewArrivals, GroupEUCitizens, GroupAll,
}

// LegalCircuit is a Rechtskreis under which a client may be eligible.
type LegalCircuit string

const (
	CircuitSGBII    LegalCircuit = "SGB_II"
	CircuitSGBIII   LegalCircuit = "SGB_III"
	CircuitSGBVIII  LegalCircuit = "SGB_VIII"
	CircuitSGBXII   LegalCircuit = "SGB_XII"
	CircuitAsylbLG  LegalCircuit = "ASYLBLG"
	CircuitAufenthG LegalCircuit = "AUFENTHG"
)

// LegalCircuits lists every legal circuit in contract order.
var LegalCircuits = []LegalCircuit{CircuitSGBII, CircuitSGBIII, CircuitSGBVIII, CircuitSGBXII, CircuitAsylbLG, CircuitAufenthG}

// Cost says what an offer costs the client.
type Cost string

const (
	CostFree    Cost = "FREE"
	CostReduced Cost = "REDUCED"
	CostPaid    Cost = "PAID"
)

// Costs lists every cost in contract order.
var Costs = []Cost{CostFree, CostReduced, CostPaid}

// Funding is the funding state of an offer.
type Funding string

const (
	FundingFunded   Funding = "FUNDED"
	FundingApplied  Funding = "APPLIED"
	FundingUnfunded Funding = "UNFUNDED"
)

// Fundings lists every funding state in contract order.
var Fundings = []Funding{FundingFunded, FundingApplied, FundingUnfunded}

// OfferStatus is the life-cycle state of an offer.
type OfferStatus string

const (
	StatusActive  OfferStatus = "ACTIVE"
	StatusPlanned OfferStatus = "PLANNED"
	StatusPaused  OfferStatus = "PAUSED"
	StatusEnded   OfferStatus = "ENDED"
)

// OfferStatuses lists every status in contract order.
var OfferStatuses = []OfferStatus{StatusActive, StatusPlanned, StatusPaused, StatusEnded}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// Valid reports whether k is one of OrganisationKinds.
func (k OrganisationKind) Valid() bool { return contains(OrganisationKinds, k) }

// Valid reports whether c is one of OfferCategories.
func (c OfferCategory) Valid() bool { return contains(OfferCategories, c) }

// Valid reports whether t is one of CourseTypes.
func (t CourseType) Valid() bool { return contains(CourseTypes, t) }

// Valid reports whether n is one of NeedAreas.
func (n NeedArea) Valid() bool { return contains(NeedAreas, n) }

// Valid reports whether g is one of TargetGroups.
func (g TargetGroup) Valid() bool { return contains(TargetGroups, g) }

// Valid reports whether c is one of LegalCircuits.
func (c LegalCircuit) Valid() bool { return contains(LegalCircuits, c) }

// Valid reports whether c is one of Costs.
func (c Cost) Valid() bool { return contains(Costs, c) }

// Valid reports whether f is one of Fundings.
func (f Funding) Valid() bool { return contains(Fundings, f) }

// Valid reports whether s is one of OfferStatuses.
func (s OfferStatus) Valid() bool { return contains(OfferStatuses, s) }

// needNames are the German names of the need areas (Handlungsfelder), for
// texts that counsellors and steering staff read.
var needNames = map[NeedArea]string{
	NeedResidence:           "Aufenthalt",
	NeedLanguage:            "Sprache",
	NeedEducation:           "Bildung",
	NeedWork:                "Arbeit",
	NeedHousing:             "Wohnen",
	NeedHealth:              "Gesundheit",
	NeedFamilyChildcare:     "Familie und Kinderbetreuung",
	NeedFinances:            "Finanzen",
	NeedAuthorities:         "Behörden",
	NeedSocialParticipation: "Teilhabe",
}

// GermanName returns the German name of a need area, or its code.
func (n NeedArea) GermanName() string {
	if s, ok := needNames[n]; ok {
		return s
	}
	return string(n)
}
