package matching

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Reason is one German sentence fragment that explains a match or warns
// about it. Code is stable (upper snake case); Text is for people.
type Reason struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

// Match is an offer that fits a client, with its score and why.
type Match struct {
	Offer directory.Offer
	// Score is in [0,1]; see the package documentation.
	Score float64
	// DistanceKm from the client, when both positions are known.
	DistanceKm *float64
	// MatchedNeeds are the client's needs the offer covers, in the client's order.
	MatchedNeeds []directory.NeedArea
	Reasons      []Reason
	Warnings     []Reason
}

// Reason codes.
const (
	ReasonNeeds       = "NEEDS"        // "deckt Sprache und Arbeit ab"
	ReasonLanguage    = "LANGUAGE"     // "spricht Arabisch"
	ReasonDistance    = "DISTANCE"     // "1,2 km entfernt"
	ReasonDigital     = "DIGITAL"      // "digital"
	ReasonChildcare   = "CHILDCARE"    // "Kinderbetreuung vorhanden"
	ReasonFreePlaces  = "FREE_PLACES"  // "3 freie Plätze"
	ReasonTargetGroup = "TARGET_GROUP" // "für Frauen"
	ReasonFree        = "FREE"         // "kostenlos"
	ReasonNearCourse  = "NEAR_COURSE"  // care plan: "Kinderbetreuung 300 m vom Kurs „…“ entfernt"
)

// Warning codes.
const (
	WarnGermanOnly           = "GERMAN_ONLY"            // "nur auf Deutsch"
	WarnLanguageMismatch     = "LANGUAGE_MISMATCH"      // "nur auf Englisch und Französisch"
	WarnNoChildcare          = "NO_CHILDCARE"           // "keine Kinderbetreuung"
	WarnNoFreePlaces         = "NO_FREE_PLACES"         // "keine freien Plätze"
	WarnExclusiveTargetGroup = "EXCLUSIVE_TARGET_GROUP" // "nur für Frauen"
	WarnEligibility          = "ELIGIBILITY_UNCHECKED"  // "nur für Rechtskreis SGB II"
	WarnCost                 = "COST"                   // "kostenpflichtig", "ermäßigter Beitrag"
	WarnNoChildcareNearby    = "NO_CHILDCARE_NEARBY"    // care plan: no childcare found near the course
)

// Exclusion codes: the hard constraint an offer fails (see Exclusion).
const (
	ExcludedStatus       = "STATUS"        // not ACTIVE
	ExcludedAge          = "AGE"           // client's age outside the offer's range
	ExcludedLegalCircuit = "LEGAL_CIRCUIT" // offer lists circuits, client gave others
	ExcludedNotFree      = "NOT_FREE"      // freeOnly and the offer costs
	ExcludedDistance     = "DISTANCE"      // farther than maxDistanceKm and not digital
	ExcludedTargetGroup  = "TARGET_GROUP"  // exclusively for groups the client is not in
	ExcludedNoNeed       = "NO_NEED"       // addresses none of the client's needs
)

// Weights of the score's criteria; see the package documentation.
const (
	WeightNeeds       = 0.40
	WeightLanguage    = 0.20
	WeightDistance    = 0.15
	WeightChildcare   = 0.10
	WeightFreePlaces  = 0.10
	WeightTargetGroup = 0.05
)

// Exclusion returns the code of the first hard constraint h fails for c, or
// "" when h may be offered. The order of the checks is the order of the
// Excluded* constants.
func Exclusion(c Client, h store.OfferHit) string {
	o := h.Offer
	switch {
	case o.Status != directory.StatusActive:
		return ExcludedStatus
	case c.Age != nil && (o.AgeMin != nil && *c.Age < *o.AgeMin || o.AgeMax != nil && *c.Age > *o.AgeMax):
		return ExcludedAge
	case len(o.LegalCircuits) > 0 && len(c.LegalCircuits) > 0 && !overlaps(o.LegalCircuits, c.LegalCircuits):
		return ExcludedLegalCircuit
	case c.FreeOnly && o.Cost != directory.CostFree:
		return ExcludedNotFree
	case c.MaxDistanceKm != nil && !o.Digital && h.DistanceKm != nil && *h.DistanceKm > *c.MaxDistanceKm:
		return ExcludedDistance
	case exclusive(o) && len(c.TargetGroups) > 0 && !overlaps(o.TargetGroups, c.TargetGroups):
		return ExcludedTargetGroup
	case len(matchedNeeds(c, o)) == 0:
		return ExcludedNoNeed
	}
	return ""
}

// Rank scores the candidates that pass every hard constraint and returns
// the best first of them: highest score first, ties by offer id. A
// candidate listed twice counts once. first < 0 returns all.
func Rank(c Client, candidates []store.OfferHit, first int) []Match {
	ms := rankAll(c, candidates)
	if first >= 0 && len(ms) > first {
		ms = ms[:first]
	}
	return ms
}

func rankAll(c Client, candidates []store.OfferHit) []Match {
	seen := map[string]bool{}
	ms := []Match{}
	for _, h := range candidates {
		if seen[h.Offer.ID] {
			continue
		}
		seen[h.Offer.ID] = true
		if Exclusion(c, h) != "" {
			continue
		}
		ms = append(ms, evaluate(c, h))
	}
	sortMatches(ms)
	return ms
}

func sortMatches(ms []Match) {
	// Sort an index, not the large Match values themselves.
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if ms[a].Score != ms[b].Score {
			return cmp.Compare(ms[b].Score, ms[a].Score)
		}
		return strings.Compare(ms[a].Offer.ID, ms[b].Offer.ID)
	})
	sorted := make([]Match, len(ms))
	for i, j := range idx {
		sorted[i] = ms[j]
	}
	copy(ms, sorted)
}

// evaluate scores h for c; h must pass the hard constraints. Each criterion
// of the weight table has its scorer, run in the table's order, which is
// also the order of the reasons and warnings; eligibility and cost only add
// notes.
func evaluate(c Client, h store.OfferHit) Match {
	s := &scoring{m: Match{Offer: h.Offer, MatchedNeeds: matchedNeeds(c, h.Offer), Reasons: []Reason{}, Warnings: []Reason{}}}
	if h.DistanceKm != nil {
		d := *h.DistanceKm
		s.m.DistanceKm = &d
	}
	for _, score := range criteria {
		score(s, c, h.Offer)
	}
	noteEligibility(s, c, h.Offer)
	noteCost(s, h.Offer)
	s.m.Score = math.Round(s.sum/s.weights*1e4) / 1e4
	return s.m
}

// criteria are the scorers of the weight table, in its order.
var criteria = []func(*scoring, Client, directory.Offer){
	scoreNeeds, scoreLanguage, scoreDistance, scoreChildcare, scoreFreePlaces, scoreTargetGroup,
}

// scoring collects the weighted values and the notes of one match.
type scoring struct {
	m            Match
	sum, weights float64
}

// add counts a criterion of weight w with value v in [0,1].
func (s *scoring) add(w, v float64)         { s.sum += w * v; s.weights += w }
func (s *scoring) reason(code, text string) { s.m.Reasons = append(s.m.Reasons, Reason{code, text}) }
func (s *scoring) warn(code, text string)   { s.m.Warnings = append(s.m.Warnings, Reason{code, text}) }

// scoreNeeds: the share of the client's needs the offer covers.
func scoreNeeds(s *scoring, c Client, o directory.Offer) {
	s.add(WeightNeeds, float64(len(s.m.MatchedNeeds))/float64(len(c.needs())))
	names := make([]string, len(s.m.MatchedNeeds))
	for i, n := range s.m.MatchedNeeds {
		names[i] = NeedName(n)
	}
	if len(names) > 0 {
		s.reason(ReasonNeeds, "deckt "+joinGerman(names)+" ab")
	}
}

// scoreLanguage counts only when the client named languages.
func scoreLanguage(s *scoring, c Client, o directory.Offer) {
	if len(c.Languages) == 0 {
		return
	}
	var shared []string
	for _, l := range c.Languages {
		if has(o.Languages, l) {
			shared = append(shared, l)
		}
	}
	switch {
	case len(shared) > 0:
		s.add(WeightLanguage, 1)
		s.reason(ReasonLanguage, "spricht "+joinGerman(languageNames(shared)))
	case isCourse(o) && has(o.Languages, "de"):
		// German is what the course teaches: German teaching is no
		// mismatch, but a course that also explains in the client's
		// language is better for a beginner.
		s.add(WeightLanguage, 0.5)
	case len(o.Languages) == 0:
		s.add(WeightLanguage, 0.5)
	case len(o.Languages) == 1 && o.Languages[0] == "de":
		s.add(WeightLanguage, 0)
		s.warn(WarnGermanOnly, "nur auf Deutsch")
	default:
		s.add(WeightLanguage, 0)
		s.warn(WarnLanguageMismatch, "nur auf "+joinGerman(languageNames(o.Languages)))
	}
}

// scoreDistance counts only when the client gave a location or district.
func scoreDistance(s *scoring, c Client, o directory.Offer) {
	if c.hasOrigin() {
		switch {
		case o.Digital:
			s.add(WeightDistance, 1)
		case s.m.DistanceKm != nil:
			s.add(WeightDistance, math.Max(0, 1-*s.m.DistanceKm/c.radiusKm()))
		default:
			s.add(WeightDistance, 0.5) // the offer has no coordinates
		}
	}
	if s.m.DistanceKm != nil {
		s.reason(ReasonDistance, distanceDE(*s.m.DistanceKm)+" entfernt")
	}
	if o.Digital {
		s.reason(ReasonDigital, "digital")
	}
}

// scoreChildcare counts only when the client needs childcare to attend.
func scoreChildcare(s *scoring, c Client, o directory.Offer) {
	if !c.NeedsChildcare {
		return
	}
	switch {
	case o.Childcare:
		s.add(WeightChildcare, 1)
		s.reason(ReasonChildcare, "Kinderbetreuung vorhanden")
	case o.Category == directory.CategoryChildcare:
		s.add(WeightChildcare, 1)
		s.reason(ReasonChildcare, "ist ein Kinderbetreuungsangebot")
	case o.Category == directory.CategoryPassageGroup:
		s.add(WeightChildcare, 1)
		s.reason(ReasonChildcare, "Passagegruppe für Kinder ohne Kita-Platz")
	default:
		s.add(WeightChildcare, 0)
		s.warn(WarnNoChildcare, "keine Kinderbetreuung")
	}
}

// scoreFreePlaces: known free places beat unknown beat full.
func scoreFreePlaces(s *scoring, _ Client, o directory.Offer) {
	switch {
	case o.FreePlaces == nil:
		s.add(WeightFreePlaces, 0.5)
	case *o.FreePlaces > 0:
		s.add(WeightFreePlaces, 1)
		if *o.FreePlaces == 1 {
			s.reason(ReasonFreePlaces, "1 freier Platz")
		} else {
			s.reason(ReasonFreePlaces, strconv.Itoa(*o.FreePlaces)+" freie Plätze")
		}
	default:
		s.add(WeightFreePlaces, 0)
		s.warn(WarnNoFreePlaces, "keine freien Plätze")
	}
}

// scoreTargetGroup: an offer made for one of the client's groups fits best.
func scoreTargetGroup(s *scoring, c Client, o directory.Offer) {
	var group directory.TargetGroup
	for _, g := range c.TargetGroups {
		if g != directory.GroupAll && has(o.TargetGroups, g) {
			group = g
			break
		}
	}
	if group != "" {
		s.add(WeightTargetGroup, 1)
		s.reason(ReasonTargetGroup, "für "+TargetGroupName(group))
		return
	}
	s.add(WeightTargetGroup, 0.5)
	if exclusive(o) { // allowed only because the client named no group
		gs := make([]string, len(o.TargetGroups))
		for i, g := range o.TargetGroups {
			gs[i] = TargetGroupName(g)
		}
		s.warn(WarnExclusiveTargetGroup, "nur für "+joinGerman(gs))
	}
}

// noteEligibility warns when the offer lists legal circuits the client did
// not say anything about.
func noteEligibility(s *scoring, c Client, o directory.Offer) {
	if len(o.LegalCircuits) > 0 && len(c.LegalCircuits) == 0 {
		cs := make([]string, len(o.LegalCircuits))
		for i, lc := range o.LegalCircuits {
			cs[i] = circuitName(lc)
		}
		s.warn(WarnEligibility, "nur für Rechtskreis "+joinOr(cs))
	}
}

// noteCost says what the offer costs.
func noteCost(s *scoring, o directory.Offer) {
	switch o.Cost {
	case directory.CostFree:
		s.reason(ReasonFree, "kostenlos")
	case directory.CostReduced:
		s.warn(WarnCost, "ermäßigter Beitrag")
	case directory.CostPaid:
		s.warn(WarnCost, "kostenpflichtig")
	}
}

// matchedNeeds are the client's needs o covers, in the client's order. A
// course with its own childcare also covers FAMILY_CHILDCARE for a client who
// needs childcare: that is the care during the course the client asked for.
func matchedNeeds(c Client, o directory.Offer) []directory.NeedArea {
	out := []directory.NeedArea{}
	for _, n := range c.needs() {
		if has(o.Needs, n) || n == directory.NeedFamilyChildcare && c.NeedsChildcare && isCourse(o) && o.Childcare {
			out = append(out, n)
		}
	}
	return out
}

// isCourse reports whether o is a German course.
func isCourse(o directory.Offer) bool {
	return o.Category == directory.CategoryIntegrationCourse || o.Category == directory.CategoryLanguageCourse
}

// isChildcare reports whether o looks after children itself.
func isChildcare(o directory.Offer) bool {
	return o.Category == directory.CategoryChildcare || o.Category == directory.CategoryPassageGroup
}

// exclusive reports whether o is only for the target groups it lists.
func exclusive(o directory.Offer) bool {
	return len(o.TargetGroups) > 0 && !has(o.TargetGroups, directory.GroupAll)
}

func overlaps[T comparable](a, b []T) bool {
	for _, x := range a {
		if has(b, x) {
			return true
		}
	}
	return false
}

func joinOr(names []string) string {
	if len(names) < 2 {
		return joinGerman(names)
	}
	out := ""
	for i, n := range names {
		switch {
		case i == 0:
		case i == len(names)-1:
			out += " oder "
		default:
			out += ", "
		}
		out += n
	}
	return out
}
