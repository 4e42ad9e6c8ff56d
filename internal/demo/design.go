package demo

import (
	"slices"
	"strconv"

	"github.com/lotse-kim/lotse/internal/directory"
)

// The matching scenario: an Arabic-speaking mother in Solingen-Ohligs.
const (
	// ScenarioDistrictID is where the client lives.
	ScenarioDistrictID = "sg-ohligs"
	// ScenarioCourseID is an ACTIVE Frauenintegrationskurs in Ohligs with
	// Kinderbetreuung and free places, held in German with Arabic support,
	// eligible under AUFENTHG and SGB_II, for women and parents.
	ScenarioCourseID = "sg-off-scenario-ik-ohligs"
	// ScenarioCounsellingID is an ACTIVE Migrationsberatung (MBE der AWO) in
	// Ohligs held in Arabic, on WORK, AUTHORITIES and RESIDENCE.
	ScenarioCounsellingID = "sg-off-scenario-mbe-ohligs"
	// ScenarioEmploymentID is an ACTIVE EMPLOYMENT_SUPPORT offer of the
	// Jobcenter Solingen (SGB_II) in Ohligs, with Arabic.
	ScenarioEmploymentID = "sg-off-scenario-jobcenter-ohligs"
	// ScenarioUncoveredNeed has no ACTIVE offer in Solingen held in Arabic
	// and no ACTIVE offer in Ohligs or within ScenarioGapKm of its centre.
	ScenarioUncoveredNeed = directory.NeedHousing
	// ScenarioGapKm: besides Ohligs itself, no ACTIVE offer for the
	// uncovered need lies within this distance of the Ohligs centre.
	ScenarioGapKm = 2.0
	// ScenarioLanguage is the client's language.
	ScenarioLanguage = "ar"
)

// Scenario names the pieces of the matching scenario.
type Scenario struct {
	DistrictID    string
	Language      string
	CourseID      string
	CounsellingID string
	EmploymentID  string
	UncoveredNeed directory.NeedArea
	// Needs is the client's whole list: the covered ones and the uncovered one.
	Needs []directory.NeedArea
}

// DemoScenario returns the scenario built into Demo (and into every
// generated network that contains Solingen).
func DemoScenario() Scenario {
	return Scenario{
		DistrictID: ScenarioDistrictID, Language: ScenarioLanguage,
		CourseID: ScenarioCourseID, CounsellingID: ScenarioCounsellingID, EmploymentID: ScenarioEmploymentID,
		UncoveredNeed: ScenarioUncoveredNeed,
		Needs:         []directory.NeedArea{directory.NeedLanguage, directory.NeedWork, directory.NeedAuthorities, directory.NeedHousing},
	}
}

// Ids of the hand-placed integration courses that lack childcare nearby.
const (
	WaldCourseID         = "sg-off-wald-ik-1"
	WaldWomenCourseID    = "sg-off-wald-ik-2"
	OberbarmenCourseID   = "wu-off-oberbarmen-ik-1"
	OberbarmenAlphaID    = "wu-off-oberbarmen-ik-2"
	BurgPlannedPassageID = "sg-off-burg-passage"
	CronenbergPausedID   = "wu-off-cronenberg-passage"
)

// design is what is hand-made about a demo city.
type design struct {
	noPassage []string // district slugs without a running Passagegruppe
	deserts   []desert
	fixed     []fixedOffer
	unmet     []unmetSpec
}

// desert: around spot, within desertKm, no ACTIVE childcare or Passagegruppe.
type desert struct {
	district string
	spot     directory.GeoPoint
}

const desertKm = 1.3

type fixedOffer struct {
	id, role, tmpl, district string
	title, desc              string
	at                       directory.GeoPoint
	street                   string
	edit                     func(*directory.Offer)
}

type unmetSpec struct {
	district string
	need     directory.NeedArea
	lang     string
	group    directory.TargetGroup
	on       string
}

func ip(v int) *int { return &v }

func noChildcare(o *directory.Offer) {
	o.Childcare = false
	o.Needs = without(o.Needs, directory.NeedFamilyChildcare)
	o.Status, o.Funding = directory.StatusActive, directory.FundingFunded
	o.Capacity, o.FreePlaces = ip(20), ip(3)
	o.LegalCircuits = []directory.LegalCircuit{directory.CircuitAufenthG, directory.CircuitSGBII}
}

var designs = map[string]*design{
	"sg": {
		noPassage: []string{"burg-hoehscheid"},
		deserts:   []desert{{"wald", directory.GeoPoint{Lat: 51.188, Lon: 7.035}}},
		fixed: []fixedOffer{
			{id: ScenarioCourseID, role: "vhs", tmpl: "ik-women", district: "ohligs",
				title: "Frauenintegrationskurs mit Kinderbetreuung – Ohligs",
				desc: "Integrationskurs nur für Frauen mit 1.000 Unterrichtseinheiten bis Niveau B1, vormittags im VHS-Haus Ohligs. " +
					"Kinderbetreuung während des Kurses im selben Haus für Kinder von 1 bis 6 Jahren. Kursbegleitung auf Arabisch möglich. " +
					"Für Frauen mit Bürgergeld kostenfrei; die VHS hilft beim Antrag auf Zulassung beim BAMF.",
				at: directory.GeoPoint{Lat: 51.1655, Lon: 7.0135}, street: "Bahnhofstraße 18",
				edit: func(o *directory.Offer) {
					o.Needs = []directory.NeedArea{directory.NeedLanguage, directory.NeedFamilyChildcare, directory.NeedSocialParticipation}
					o.TargetGroups = []directory.TargetGroup{directory.GroupWomen, directory.GroupParents, directory.GroupNewArrivals}
					o.Languages = []string{"de", "ar"}
					o.LegalCircuits = []directory.LegalCircuit{directory.CircuitAufenthG, directory.CircuitSGBII}
					o.Childcare, o.Cost = true, directory.CostFree
					o.Capacity, o.FreePlaces = ip(18), ip(5)
					o.Schedule, o.AgeMin, o.AgeMax = "Mo–Fr 8:30–12:45", ip(16), nil
					o.Status, o.Funding = directory.StatusActive, directory.FundingFunded
				}},
			{id: ScenarioCounsellingID, role: "mbe-awo", tmpl: "mbe", district: "ohligs",
				title: "Migrationsberatung auf Arabisch – Ohligs",
				desc: "Die MBE der AWO berät Zugewanderte auf Arabisch und Deutsch: Aufenthalt und Familiennachzug, Arbeit und Anerkennung, " +
					"Post von Jobcenter und Behörden, Anträge. Vertraulich und kostenlos, offene Sprechstunde im Stadtteilbüro Ohligs.",
				at: directory.GeoPoint{Lat: 51.1612, Lon: 7.0071}, street: "Wilhelmstraße 7",
				edit: func(o *directory.Offer) {
					o.Needs = []directory.NeedArea{directory.NeedWork, directory.NeedAuthorities, directory.NeedResidence, directory.NeedFinances}
					o.TargetGroups = []directory.TargetGroup{directory.GroupAdults, directory.GroupWomen, directory.GroupFamilies, directory.GroupNewArrivals}
					o.Languages = []string{"ar", "de"}
					o.LegalCircuits = []directory.LegalCircuit{directory.CircuitAufenthG, directory.CircuitSGBII, directory.CircuitSGBXII}
					o.Childcare, o.Cost, o.Digital = false, directory.CostFree, false
					o.Capacity, o.FreePlaces = ip(40), ip(9)
					o.Schedule, o.AgeMin, o.AgeMax = "Di 9:00–12:00 offene Sprechstunde, Do 14:00–17:00 nach Termin", nil, nil
					o.Status, o.Funding = directory.StatusActive, directory.FundingFunded
				}},
			{id: ScenarioEmploymentID, role: "jobcenter", tmpl: "teilzeit-muetter", district: "ohligs",
				title: "Coaching für Mütter: Teilzeitausbildung und Berufseinstieg – Ohligs",
				desc: "Das Jobcenter Solingen begleitet Mütter im Bürgergeld auf dem Weg in Ausbildung oder Arbeit: Berufswünsche klären, " +
					"Teilzeitausbildung finden, Kinderbetreuung organisieren. Beratung auf Deutsch, Arabisch und Türkisch.",
				at: directory.GeoPoint{Lat: 51.1598, Lon: 7.0162}, street: "Düsseldorfer Straße 54",
				edit: func(o *directory.Offer) {
					o.Needs = []directory.NeedArea{directory.NeedWork}
					o.TargetGroups = []directory.TargetGroup{directory.GroupWomen, directory.GroupParents, directory.GroupAdults}
					o.Languages = []string{"de", "ar", "tr"}
					o.LegalCircuits = []directory.LegalCircuit{directory.CircuitSGBII}
					o.Childcare, o.Cost = false, directory.CostFree
					o.Capacity, o.FreePlaces = ip(12), ip(4)
					o.Schedule, o.AgeMin, o.AgeMax = "Mi 9:00–11:30", ip(18), nil
					o.Status, o.Funding = directory.StatusActive, directory.FundingFunded
				}},
			{id: WaldCourseID, role: "vhs", tmpl: "ik-general", district: "wald",
				title: "Allgemeiner Integrationskurs – Vormittagskurs Wald",
				at:    directory.GeoPoint{Lat: 51.188, Lon: 7.035}, street: "Focher Straße 31",
				edit: func(o *directory.Offer) { noChildcare(o); o.Languages = []string{"de"} }},
			{id: WaldWomenCourseID, role: "vhs", tmpl: "ik-women", district: "wald",
				title: "Frauenintegrationskurs – Wald",
				at:    directory.GeoPoint{Lat: 51.1888, Lon: 7.0368}, street: "Eschenweg 4",
				edit: func(o *directory.Offer) { noChildcare(o); o.Languages = []string{"de", "fa"} }},
			{id: BurgPlannedPassageID, role: "awo", tmpl: "passagegruppe", district: "burg-hoehscheid",
				title: "Passagegruppe Burg/Höhscheid (in Planung)",
				desc: "Geplante Passagegruppe für Kinder ohne Kita-Platz in Höhscheid. Der Förderantrag beim Landesprogramm „Kita-Einstieg“ ist gestellt; " +
					"Start, sobald die Finanzierung bewilligt ist.",
				at: directory.GeoPoint{Lat: 51.152, Lon: 7.104}, street: "Höhscheider Straße 60",
				edit: func(o *directory.Offer) {
					o.Status, o.Funding = directory.StatusPlanned, directory.FundingApplied
					o.Languages = []string{"de", "ar", "tr"}
				}},
		},
		unmet: []unmetSpec{
			{"ohligs", directory.NeedHousing, "ar", directory.GroupWomen, "2026-03-12"},
			{"wald", directory.NeedFamilyChildcare, "fa", directory.GroupParents, "2026-05-06"},
			{"mitte", directory.NeedWork, "fa", directory.GroupAdults, "2026-06-18"},
			{"burg-hoehscheid", directory.NeedFamilyChildcare, "", directory.GroupChildren, "2026-02-20"},
			{"ohligs", directory.NeedHealth, "ti", directory.GroupWomen, "2026-08-27"},
		},
	},
	"wu": {
		noPassage: []string{"cronenberg"},
		deserts:   []desert{{"oberbarmen", directory.GeoPoint{Lat: 51.281, Lon: 7.247}}},
		fixed: []fixedOffer{
			{id: OberbarmenCourseID, role: "vhs", tmpl: "ik-women", district: "oberbarmen",
				title: "Frauenintegrationskurs – Oberbarmen",
				at:    directory.GeoPoint{Lat: 51.281, Lon: 7.247}, street: "Wichlinghauser Straße 112",
				edit: func(o *directory.Offer) { noChildcare(o); o.Languages = []string{"de", "ar"} }},
			{id: OberbarmenAlphaID, role: "caritas", tmpl: "ik-literacy", district: "oberbarmen",
				title: "Integrationskurs mit Alphabetisierung – Oberbarmen",
				at:    directory.GeoPoint{Lat: 51.2802, Lon: 7.2452}, street: "Kreuzstraße 9",
				edit: func(o *directory.Offer) { noChildcare(o); o.Languages = []string{"de"} }},
			{id: CronenbergPausedID, role: "diakonie", tmpl: "spielgruppe", district: "cronenberg",
				title: "Spielgruppe Cronenberg (pausiert)",
				desc:  "Brückenprojekt für Kinder ohne Kita-Platz. Pausiert seit die Förderung ausgelaufen ist; die Diakonie sucht eine neue Finanzierung.",
				at:    directory.GeoPoint{Lat: 51.207, Lon: 7.131}, street: "Hauptstraße 21",
				edit: func(o *directory.Offer) {
					o.Status, o.Funding = directory.StatusPaused, directory.FundingUnfunded
				}},
		},
		unmet: []unmetSpec{
			{"oberbarmen", directory.NeedFamilyChildcare, "ar", directory.GroupParents, "2026-04-14"},
			{"oberbarmen", directory.NeedHealth, "ti", directory.GroupRefugees, "2026-07-02"},
			{"elberfeld", directory.NeedResidence, "ti", directory.GroupNewArrivals, "2026-09-09"},
			{"cronenberg", directory.NeedFamilyChildcare, "", directory.GroupChildren, "2026-01-28"},
			{"vohwinkel", directory.NeedLanguage, "fa", directory.GroupWomen, "2026-10-05"},
		},
	},
}

// applyDesign adds the hand-placed offers and then bends the generated data
// until the designed tensions hold.
func (g *cityGen) applyDesign(dz *design) {
	for _, f := range dz.fixed {
		d := g.districtIndexBySlug(f.district)
		o := g.addOffer(g.role[f.role], f.tmpl, d)
		o.ID = f.id
		o.Title = f.title
		if f.desc != "" {
			o.Description = f.desc
		}
		at := f.at
		o.Location, o.Address, o.DistrictID, o.Digital = &at, f.street+", "+strconv.Itoa(g.ds[d].PLZ)+" "+g.c.Name, g.districtID(d), false
		if f.edit != nil {
			f.edit(o)
		}
		if f.desc == "" {
			o.Description = g.describe(f.tmpl, templates[f.tmpl], o, d)
		}
	}
	fixed := map[string]bool{}
	for _, f := range dz.fixed {
		fixed[f.id] = true
	}
	for i := range g.offers {
		o := &g.offers[i]
		if fixed[o.ID] || o.Status == directory.StatusEnded {
			continue
		}
		// No running Passagegruppe in the designed districts: what was
		// generated there waits for its funding.
		if o.Category == directory.CategoryPassageGroup && o.Status == directory.StatusActive && g.inDistricts(o.DistrictID, dz.noPassage) {
			o.Status, o.Funding = directory.StatusPlanned, directory.FundingApplied
		}
		// The scenario's honest gap: no housing help in Arabic in Solingen,
		// none at all in Ohligs, and no Arabic housing help online.
		if slices.Contains(o.Needs, directory.NeedHousing) {
			if g.c.Code == "sg" || o.Digital {
				o.Languages = without(o.Languages, "ar")
			}
			if o.DistrictID == ScenarioDistrictID || (g.c.Code == "sg" && o.Location != nil &&
				directory.DistanceKm(*o.Location, g.centreOf(ScenarioDistrictID)) <= ScenarioGapKm) {
				if o.Category == directory.CategoryHousingSupport {
					o.Status = directory.StatusEnded
				} else {
					o.Needs = without(o.Needs, directory.NeedHousing)
				}
			}
		}
		// Recorded unmet needs in a language: the district's offers for that
		// need are held without it.
		for _, u := range dz.unmet {
			if u.lang != "" && o.DistrictID == g.c.Code+"-"+u.district && slices.Contains(o.Needs, u.need) {
				o.Languages = without(o.Languages, u.lang)
			}
		}
		if len(o.Languages) == 0 {
			o.Languages = []string{"de"}
		}
		// Childcare deserts: move running childcare away from the spot.
		if (o.Category == directory.CategoryChildcare || o.Category == directory.CategoryPassageGroup) &&
			o.Status == directory.StatusActive && o.Location != nil && g.nearDesert(dz, *o.Location) {
			g.relocate(dz, o)
		}
	}
}

func (g *cityGen) districtIndexBySlug(s string) int {
	for i, d := range g.ds {
		if d.Slug == s {
			return i
		}
	}
	panic("demo: unknown district " + s)
}

func (g *cityGen) centreOf(id string) directory.GeoPoint {
	d := g.ds[g.districtIndex(id)]
	return directory.GeoPoint{Lat: d.Lat, Lon: d.Lon}
}

func (g *cityGen) inDistricts(id string, slugs []string) bool {
	for _, s := range slugs {
		if id == g.c.Code+"-"+s {
			return true
		}
	}
	return false
}

func (g *cityGen) nearDesert(dz *design, p directory.GeoPoint) bool {
	for _, d := range dz.deserts {
		if directory.DistanceKm(p, d.spot) <= desertKm {
			return true
		}
	}
	return false
}

// relocate moves a childcare offer to a place in its district away from the
// deserts; if the district has none, the offer pauses.
func (g *cityGen) relocate(dz *design, o *directory.Offer) {
	d := g.districtIndexBySlug(o.DistrictID[len(g.c.Code)+1:])
	for try := 0; try < 200; try++ {
		p := g.pointIn(d)
		if !g.nearDesert(dz, p) {
			o.Location, o.Address = &p, g.address(d)
			return
		}
	}
	o.Status = directory.StatusPaused
}

func without[T comparable](list []T, v T) []T {
	if !slices.Contains(list, v) {
		return list
	}
	out := make([]T, 0, len(list))
	for _, x := range list {
		if x != v {
			out = append(out, x)
		}
	}
	return out
}
