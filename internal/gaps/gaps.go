// Package gaps turns the supply facts of a municipality (store.GapFacts) into
// the gap report of strategic steering: one cell per district × need area and
// a list of structural gaps, each with a German sentence saying what is
// missing and where. It does no I/O.
//
// # Cells and levels
//
// A cell counts the active offers of one need area in one district, their
// known free places, the active offers per 10,000 inhabitants of the district
// (OffersPer10k = ActiveOffers × 10,000 / Population) and the unmet needs
// recorded there. Its level is
//
//   - NONE when the district has no active offer in the need area;
//   - LOW when OffersPer10k < LowOffersPer10k (1.0), or when at least
//     MinPublicCount (5) unmet needs are recorded and they are at least as many
//     as the active offers;
//   - OK otherwise.
//
// A district whose population is unknown (0) has OffersPer10k 0 and the
// density rule does not apply to it: its level says only whether there is an
// offer and whether recorded needs outnumber offers. The unmet-need rule
// ignores fewer than MinPublicCount needs, so that the level, which every
// reader sees, never reveals a count that is suppressed (see below) — and a
// handful of records is no evidence of a structural shortage anyway.
//
// # Structural gaps
//
// In the order of GapKinds:
//
//   - NEED_WITHOUT_OFFER: a district has no active offer in a need area.
//   - COURSE_WITHOUT_CHILDCARE: an active integration or language course has no
//     childcare and there is no active childcare offer or Passagegruppe within
//     ChildcareRadiusKm (1 km) of it; the store finds these courses
//     (GapFacts.CoursesWithoutChildcare) when asked with Query.
//   - NO_PASSAGE_GROUP: a district has no active Passagegruppe (PASSAGE_GROUP).
//   - LANGUAGE_NOT_COVERED: unmet needs were recorded in a district in a
//     language that no active offer in that district is held in (one gap per
//     district and language, summed over need areas and target groups).
//   - ALWAYS_FULL: an active offer with a capacity has no free places.
//   - UNFUNDED: a planned or paused offer lacks funding (unfunded or applied for).
//
// When the report is asked for some need areas only, a gap is listed when it
// concerns one of them: NEED_WITHOUT_OFFER its own need area, NO_PASSAGE_GROUP
// and COURSE_WITHOUT_CHILDCARE FAMILY_CHILDCARE (the course also its own need
// areas), LANGUAGE_NOT_COVERED the need areas of the unmet needs it counts,
// ALWAYS_FULL and UNFUNDED the offer's need areas.
//
// Gaps are ordered by kind, then district (by name, offers without a known
// district last), then need area (contract order), language, offer id.
//
// # Privacy
//
// Unmet-need counts are statistics about clients (§ 35 SGB I, Art. 9 DSGVO).
// Readers outside case management and steering (access.SeesSmallCounts:
// everyone but STEERING and CASE_MANAGER, ADMIN included) see a count of 1 to
// MinPublicCount−1 (1–4) as suppressed: no value, Suppressed true
// (VisibleCount). Zero is shown: it says that nothing was recorded, which
// identifies nobody, and steering needs to tell "no need" from "few needs".
// The German details never contain a count below MinPublicCount, so they
// can be shown to every reader.
package gaps

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Thresholds of the gap rules.
const (
	// LowOffersPer10k: a cell with fewer active offers per 10,000 inhabitants is LOW.
	LowOffersPer10k = 1.0
	// MinPublicCount is the smallest unmet-need count shown to readers outside
	// case management and steering, and the smallest that can make a cell LOW.
	MinPublicCount = 5
	// ChildcareRadiusKm: childcare or a Passagegruppe this near a course counts
	// as childcare for it in the gap rule (and in the demo's tensions). Care
	// plans search wider: matching.ChildcareRadiusKm.
	ChildcareRadiusKm = 1.0
)

// Level is how well a need area is supplied in a district.
type Level string

const (
	LevelNone Level = "NONE" // no active offer
	LevelLow  Level = "LOW"  // too few offers for the population, or needs outnumber offers
	LevelOK   Level = "OK"
)

// GapKind names a structural gap.
type GapKind string

const (
	GapNeedWithoutOffer       GapKind = "NEED_WITHOUT_OFFER"
	GapCourseWithoutChildcare GapKind = "COURSE_WITHOUT_CHILDCARE"
	GapNoPassageGroup         GapKind = "NO_PASSAGE_GROUP"
	GapLanguageNotCovered     GapKind = "LANGUAGE_NOT_COVERED"
	GapAlwaysFull             GapKind = "ALWAYS_FULL"
	GapUnfunded               GapKind = "UNFUNDED"
)

// GapKinds lists every kind in report order.
var GapKinds = []GapKind{
	GapNeedWithoutOffer, GapCourseWithoutChildcare, GapNoPassageGroup,
	GapLanguageNotCovered, GapAlwaysFull, GapUnfunded,
}

// Report is the gap report of one municipality.
type Report struct {
	Municipality string // "" when the facts span several municipalities
	Cells        []Cell
	Gaps         []Gap
}

// Cell is the supply of one need area in one district.
type Cell struct {
	District     directory.District
	Need         directory.NeedArea
	ActiveOffers int
	FreePlaces   int // sum of the known free places of the active offers
	OffersPer10k float64
	// UnmetNeeds is the exact count; show it through VisibleCount.
	UnmetNeeds int
	Level      Level
}

// Gap is one structural gap.
type Gap struct {
	Kind       GapKind
	DistrictID string
	// Need is the need area the gap is about: the missing one for
	// NEED_WITHOUT_OFFER, FAMILY_CHILDCARE for NO_PASSAGE_GROUP and
	// COURSE_WITHOUT_CHILDCARE, the offer's first selected need area for
	// ALWAYS_FULL and UNFUNDED, "" for LANGUAGE_NOT_COVERED.
	Need           directory.NeedArea
	OfferID        string // offer gaps
	OrganisationID string // offer gaps: the provider
	Language       string // LANGUAGE_NOT_COVERED
	// UnmetNeeds is the exact count behind a LANGUAGE_NOT_COVERED gap; show it
	// through VisibleCount.
	UnmetNeeds int
	Detail     string // German sentence, safe for every reader
}

// Query is the store question whose answer Analyse expects.
func Query(municipality string, needs []directory.NeedArea) store.GapQuery {
	return store.GapQuery{Municipality: municipality, Needs: needs, ChildcareRadiusKm: ChildcareRadiusKm}
}

// Analyse applies the gap rules to f for needs (every need area when empty):
// the cells, then one rule per gap kind in the order of the package doc.
func Analyse(f store.GapFacts, needs []directory.NeedArea) Report {
	a := newAnalysis(f, needs)
	r := Report{Municipality: municipality(a.districts), Cells: a.cells()}
	r.Gaps = slices.Concat(
		a.needsWithoutOffer(),
		a.coursesWithoutChildcare(),
		a.districtsWithoutPassageGroup(),
		a.languagesNotCovered(),
		a.alwaysFull(),
		a.unfunded(),
	)
	a.sortGaps(r.Gaps)
	return r
}

type districtNeed struct {
	district string
	need     directory.NeedArea
}

// Language gaps are per need area: an Arabic housing need is not met by an
// Arabic language course in the same district.
type districtNeedLanguage struct {
	district string
	need     directory.NeedArea
	language string
}

// analysis is the facts of one report, indexed for the rules.
type analysis struct {
	facts       store.GapFacts
	needs       []directory.NeedArea // the selected ones, in contract order
	selected    map[directory.NeedArea]bool
	districts   []directory.District // by name, then id
	rank        map[string]int       // district id → position in districts
	byID        map[string]directory.District
	supply      map[districtNeed]store.NeedSupply
	unmet       map[districtNeed]int
	unmetByLang map[districtNeedLanguage]int
	held        map[districtNeedLanguage]bool // some active offer there is held in the language
	passage     map[string]bool               // district has an active Passagegruppe
}

func newAnalysis(f store.GapFacts, needs []directory.NeedArea) *analysis {
	a := &analysis{facts: f, needs: selectedNeeds(needs), selected: map[directory.NeedArea]bool{},
		rank: map[string]int{}, byID: map[string]directory.District{}, supply: map[districtNeed]store.NeedSupply{},
		unmet: map[districtNeed]int{}, unmetByLang: map[districtNeedLanguage]int{},
		held: map[districtNeedLanguage]bool{}, passage: map[string]bool{}}
	for _, n := range a.needs {
		a.selected[n] = true
	}
	a.districts = slices.Clone(f.Districts)
	slices.SortStableFunc(a.districts, func(x, y directory.District) int {
		if c := strings.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	for i, d := range a.districts {
		a.rank[d.ID], a.byID[d.ID] = i, d
	}
	for _, s := range f.Supply {
		k := districtNeed{s.DistrictID, s.Need}
		t := a.supply[k]
		t.ActiveOffers += s.ActiveOffers
		t.FreePlaces += s.FreePlaces
		a.supply[k] = t
	}
	for _, u := range f.UnmetNeeds {
		if !a.selected[u.Need] || u.Count <= 0 {
			continue
		}
		a.unmet[districtNeed{u.DistrictID, u.Need}] += u.Count
		if u.Language != "" {
			a.unmetByLang[districtNeedLanguage{u.DistrictID, u.Need, u.Language}] += u.Count
		}
	}
	for _, l := range f.DistrictLanguages {
		if l.Offers > 0 {
			a.held[districtNeedLanguage{l.DistrictID, l.Need, l.Language}] = true
		}
	}
	for _, c := range f.Categories {
		if c.Category == directory.CategoryPassageGroup && c.ActiveOffers > 0 {
			a.passage[c.DistrictID] = true
		}
	}
	return a
}

// cells is one cell per district × selected need area.
func (a *analysis) cells() []Cell {
	var out []Cell
	for _, d := range a.districts {
		for _, n := range a.needs {
			s := a.supply[districtNeed{d.ID, n}]
			c := Cell{District: d, Need: n, ActiveOffers: s.ActiveOffers, FreePlaces: s.FreePlaces,
				OffersPer10k: per10k(s.ActiveOffers, d.Population), UnmetNeeds: a.unmet[districtNeed{d.ID, n}]}
			c.Level = level(c)
			out = append(out, c)
		}
	}
	return out
}

// needsWithoutOffer: NEED_WITHOUT_OFFER.
func (a *analysis) needsWithoutOffer() []Gap {
	var out []Gap
	for _, d := range a.districts {
		for _, n := range a.needs {
			if a.supply[districtNeed{d.ID, n}].ActiveOffers == 0 {
				out = append(out, Gap{Kind: GapNeedWithoutOffer, DistrictID: d.ID, Need: n,
					Detail: fmt.Sprintf("Im Stadtbezirk %s gibt es kein aktives Angebot im Handlungsfeld %s.", d.Name, NeedName(n))})
			}
		}
	}
	return out
}

// coursesWithoutChildcare: COURSE_WITHOUT_CHILDCARE, the courses the store found.
func (a *analysis) coursesWithoutChildcare() []Gap {
	return a.offerGaps(GapCourseWithoutChildcare, a.facts.CoursesWithoutChildcare, directory.NeedFamilyChildcare, func(o directory.Offer, where string) string {
		return fmt.Sprintf("%s „%s“%s hat keine Kinderbetreuung, und im Umkreis von %s gibt es weder Kinderbetreuung noch Passagegruppe.",
			courseName(o.Category), o.Title, inParens(where), km(ChildcareRadiusKm))
	})
}

// districtsWithoutPassageGroup: NO_PASSAGE_GROUP.
func (a *analysis) districtsWithoutPassageGroup() []Gap {
	if !a.selected[directory.NeedFamilyChildcare] {
		return nil
	}
	var out []Gap
	for _, d := range a.districts {
		if !a.passage[d.ID] {
			out = append(out, Gap{Kind: GapNoPassageGroup, DistrictID: d.ID, Need: directory.NeedFamilyChildcare,
				Detail: fmt.Sprintf("Im Stadtbezirk %s gibt es keine aktive Passagegruppe.", d.Name)})
		}
	}
	return out
}

// languagesNotCovered: LANGUAGE_NOT_COVERED. The detail names a count only
// from MinPublicCount on, so that it can be shown to every reader.
func (a *analysis) languagesNotCovered() []Gap {
	var out []Gap
	for lk, n := range a.unmetByLang {
		d, known := a.byID[lk.district]
		if !known || a.held[lk] {
			continue
		}
		lang := directory.LanguageName(lk.language)
		what := "Bedarfe"
		if n >= MinPublicCount {
			what = fmt.Sprintf("%d Bedarfe", n)
		}
		out = append(out, Gap{
			Kind: GapLanguageNotCovered, DistrictID: d.ID, Need: lk.need, Language: lk.language, UnmetNeeds: n,
			Detail: fmt.Sprintf("Im Stadtbezirk %s wurden %s im Handlungsfeld %s auf %s erfasst, aber kein Angebot dort für %s wird auf %s angeboten.",
				d.Name, what, NeedName(lk.need), lang, NeedName(lk.need), lang),
		})
	}
	return out
}

// alwaysFull: ALWAYS_FULL, from free places of zero and from the NO_CAPACITY
// declines of referrals.
func (a *analysis) alwaysFull() []Gap {
	return a.offerGaps(GapAlwaysFull, a.facts.AlwaysFull, "", func(o directory.Offer, where string) string {
		var s string
		if o.FreePlaces != nil && *o.FreePlaces == 0 {
			s = fmt.Sprintf("„%s“%s ist ausgebucht: keine freien Plätze", o.Title, inParens(where))
			if o.Capacity != nil {
				s += fmt.Sprintf(" (Kapazität %d)", *o.Capacity)
			}
		} else {
			s = fmt.Sprintf("„%s“%s ist in der Praxis ausgebucht", o.Title, inParens(where))
		}
		// Decline counts below MinPublicCount stay out: details are shown to every reader.
		if n := a.facts.NoCapacityDeclines[o.ID]; n >= MinPublicCount {
			s += fmt.Sprintf("; %d Vermittlungen in den letzten 12 Monaten wegen fehlender Kapazität abgelehnt", n)
		}
		return s + "."
	})
}

// unfunded: UNFUNDED.
func (a *analysis) unfunded() []Gap {
	return a.offerGaps(GapUnfunded, a.facts.Unfunded, "", func(o directory.Offer, where string) string {
		state := "geplant"
		if o.Status == directory.StatusPaused {
			state = "pausiert"
		}
		if o.Funding == directory.FundingApplied {
			return fmt.Sprintf("„%s“%s ist %s, aber noch nicht finanziert (Förderung beantragt).", o.Title, inParens(where), state)
		}
		return fmt.Sprintf("„%s“%s ist %s, aber nicht finanziert.", o.Title, inParens(where), state)
	})
}

// offerGaps makes a gap of kind for each offer that concerns a selected need
// area: extra when it is selected, else the offer's first selected one.
func (a *analysis) offerGaps(kind GapKind, offers []directory.Offer, extra directory.NeedArea, detail func(o directory.Offer, where string) string) []Gap {
	var out []Gap
	for _, o := range offers {
		need, ok := firstSelected(o.Needs, a.selected)
		if extra != "" && a.selected[extra] {
			need, ok = extra, true
		}
		if !ok {
			continue
		}
		where := ""
		if d, known := a.byID[o.DistrictID]; known {
			where = d.Name
		}
		out = append(out, Gap{Kind: kind, DistrictID: o.DistrictID, Need: need, OfferID: o.ID,
			OrganisationID: o.ProviderID, Detail: detail(o, where)})
	}
	return out
}

// sortGaps orders gaps by kind, then district (by name, unknown ones last),
// need area, language and offer id. The ranks are looked up once per gap,
// not in every comparison: a large city has over 2,000 gaps.
func (a *analysis) sortGaps(gaps []Gap) {
	kindRank := map[GapKind]int{}
	for i, k := range GapKinds {
		kindRank[k] = i
	}
	type keyed struct{ kind, district, need, i int }
	ks := make([]keyed, len(gaps))
	for i, g := range gaps {
		d, ok := a.rank[g.DistrictID]
		if !ok {
			d = len(a.districts)
		}
		ks[i] = keyed{kindRank[g.Kind], d, needRank(g.Need), i}
	}
	slices.SortFunc(ks, func(x, y keyed) int { // stable: ties fall back to the position
		if c := cmp.Compare(x.kind, y.kind); c != 0 {
			return c
		}
		if c := cmp.Compare(x.district, y.district); c != 0 {
			return c
		}
		gx, gy := &gaps[x.i], &gaps[y.i]
		if c := strings.Compare(gx.DistrictID, gy.DistrictID); c != 0 {
			return c
		}
		if c := cmp.Compare(x.need, y.need); c != 0 {
			return c
		}
		if c := strings.Compare(gx.Language, gy.Language); c != 0 {
			return c
		}
		return cmp.Or(strings.Compare(gx.OfferID, gy.OfferID), cmp.Compare(x.i, y.i))
	})
	sorted := make([]Gap, len(gaps))
	for i, k := range ks {
		sorted[i] = gaps[k.i]
	}
	copy(gaps, sorted)
}

func level(c Cell) Level {
	switch {
	case c.ActiveOffers == 0:
		return LevelNone
	case c.District.Population > 0 && c.OffersPer10k < LowOffersPer10k:
		return LevelLow
	case c.UnmetNeeds >= MinPublicCount && c.UnmetNeeds >= c.ActiveOffers:
		return LevelLow
	}
	return LevelOK
}

func per10k(offers, population int) float64 {
	if population <= 0 {
		return 0
	}
	return float64(offers) * 10000 / float64(population)
}

// selectedNeeds returns needs deduplicated in contract order, or all need areas.
func selectedNeeds(needs []directory.NeedArea) []directory.NeedArea {
	if len(needs) == 0 {
		return directory.NeedAreas
	}
	var out []directory.NeedArea
	for _, n := range directory.NeedAreas {
		if slices.Contains(needs, n) {
			out = append(out, n)
		}
	}
	return out
}

func needRank(n directory.NeedArea) int {
	if n == "" {
		return -1
	}
	if i := slices.Index(directory.NeedAreas, n); i >= 0 {
		return i
	}
	return len(directory.NeedAreas)
}

// firstSelected returns the offer's first need area in contract order that is selected.
func firstSelected(needs []directory.NeedArea, selected map[directory.NeedArea]bool) (directory.NeedArea, bool) {
	best, ok := directory.NeedArea(""), false
	for _, n := range needs {
		if selected[n] && (!ok || needRank(n) < needRank(best)) {
			best, ok = n, true
		}
	}
	return best, ok
}

func municipality(ds []directory.District) string {
	if len(ds) == 0 {
		return ""
	}
	m := ds[0].Municipality
	for _, d := range ds[1:] {
		if d.Municipality != m {
			return ""
		}
	}
	return m
}

func inParens(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

func courseName(c directory.OfferCategory) string {
	if c == directory.CategoryLanguageCourse {
		return "Sprachkurs"
	}
	return "Integrationskurs"
}

// km writes a distance the German way: "1 km", "1,5 km".
func km(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d km", int(v))
	}
	return strings.Replace(fmt.Sprintf("%g km", v), ".", ",", 1)
}

// NeedName returns the German name of a need area (Handlungsfeld), or its code.
func NeedName(n directory.NeedArea) string { return n.GermanName() }

// Count is a number as one reader may see it: Value is nil when Suppressed.
type Count struct {
	Value      *int
	Suppressed bool
}

// VisibleCount returns n as reader p may see it: counts of 1 to
// MinPublicCount−1 are suppressed for every reader outside case management
// and steering (access.SeesSmallCounts; ADMIN included, since administering
// the directory is no reason to see client statistics); 0 and counts from
// MinPublicCount on are shown. The GraphQL API and the report files both
// show counts through it.
func VisibleCount(n int, p access.Principal) Count {
	if n > 0 && n < MinPublicCount && !access.SeesSmallCounts(p) {
		return Count{Suppressed: true}
	}
	return Count{Value: &n}
}
