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

// evaluate scores h for c; h must pass the hard constraints.
func evaluate(c Client, h store.OfferHit) Match {
	o := h.Offer
	m := Match{Offer: o, MatchedNeeds: matchedNeeds(c, o), Reasons: []Reason{}, Warnings: []Reason{}}
	if h.DistanceKm != nil {
		d := *h.DistanceKm
		m.DistanceKm = &d
	}
	var sum, weights float64
	add := func(w, s float64) { sum += w * s; weights += w }
	reason := func(code, text string) { m.Reasons = append(m.Reasons, Reason{code, text}) }
	warn := func(code, text string) { m.Warnings = append(m.Warnings, Reason{code, text}) }

	// Needs: the share of the client's needs the offer covers.
	needs := c.needs()
	add(WeightNeeds, float64(len(m.MatchedNeeds))/float64(len(needs)))
	names := make([]string, len(m.MatchedNeeds))
	for i, n := range m.MatchedNeeds {
		names[i] = NeedName(n)
	}
	if len(names) > 0 {
		reason(ReasonNeeds, "deckt "+joinGerman(names)+" ab")
	}

	// Language: only when the client named languages.
	if len(c.Languages) > 0 {
		var shared []string
		for _, l := range c.Languages {
			if has(o.Languages, l) {
				shared = append(shared, l)
			}
		}
		switch {
		case len(shared) > 0:
			add(WeightLanguage, 1)
			reason(ReasonLanguage, "spricht "+joinGerman(languageNames(shared)))
		case isCourse(o) && has(o.Languages, "de"):
			// German is what the course teaches: German teaching is no
			// mismatch, but a course that also explains in the client's
			// language is better for a beginner.
			add(WeightLanguage, 0.5)
		case len(o.Languages) == 0:
			add(WeightLanguage, 0.5)
		case len(o.Languages) == 1 && o.Languages[0] == "de":
			add(WeightLanguage, 0)
			warn(WarnGermanOnly, "nur auf Deutsch")
		default:
			add(WeightLanguage, 0)
			warn(WarnLanguageMismatch, "nur auf "+joinGerman(languageNames(o.Languages)))
		}
	}

	// Distance: only when the client gave a location or district.
	if c.hasOrigin() {
		switch {
		case o.Digital:
			add(WeightDistance, 1)
		case m.DistanceKm != nil:
			add(WeightDistance, math.Max(0, 1-*m.DistanceKm/c.radiusKm()))
		default:
			add(WeightDistance, 0.5) // the offer has no coordinates
		}
	}
	if m.DistanceKm != nil {
		reason(ReasonDistance, distanceDE(*m.DistanceKm)+" entfernt")
	}
	if o.Digital {
		reason(ReasonDigital, "digital")
	}

	// Childcare: only when the client needs it to attend.
	if c.NeedsChildcare {
		switch {
		case o.Childcare:
			add(WeightChildcare, 1)
			reason(ReasonChildcare, "Kinderbetreuung vorhanden")
		case o.Category == directory.CategoryChildcare:
			add(WeightChildcare, 1)
			reason(ReasonChildcare, "ist ein Kinderbetreuungsangebot")
		case o.Category == directory.CategoryPassageGroup:
			add(WeightChildcare, 1)
			reason(ReasonChildcare, "Passagegruppe für Kinder ohne Kita-Platz")
		default:
			add(WeightChildcare, 0)
			warn(WarnNoChildcare, "keine Kinderbetreuung")
		}
	}

	// Free places: known free places beat unknown beat full.
	switch {
	case o.FreePlaces == nil:
		add(WeightFreePlaces, 0.5)
	case *o.FreePlaces > 0:
		add(WeightFreePlaces, 1)
		if *o.FreePlaces == 1 {
			reason(ReasonFreePlaces, "1 freier Platz")
		} else {
			reason(ReasonFreePlaces, strconv.Itoa(*o.FreePlaces)+" freie Plätze")
		}
	default:
		add(WeightFreePlaces, 0)
		warn(WarnNoFreePlaces, "keine freien Plätze")
	}

	// Target group: an offer made for one of the client's groups fits best.
	var group directory.TargetGroup
	for _, g := range c.TargetGroups {
		if g != directory.GroupAll && has(o.TargetGroups, g) {
			group = g
			break
		}
	}
	switch {
	case group != "":
		add(WeightTargetGroup, 1)
		reason(ReasonTargetGroup, "für "+TargetGroupName(group))
	default:
		add(WeightTargetGroup, 0.5)
		if exclusive(o) { // allowed only because the client named no group
			gs := make([]string, len(o.TargetGroups))
			for i, g := range o.TargetGroups {
				gs[i] = TargetGroupName(g)
			}
			warn(WarnExclusiveTargetGroup, "nur für "+joinGerman(gs))
		}
	}

	if len(o.LegalCircuits) > 0 && len(c.LegalCircuits) == 0 {
		cs := make([]string, len(o.LegalCircuits))
		for i, lc := range o.LegalCircuits {
			cs[i] = circuitName(lc)
		}
		warn(WarnEligibility, "nur für Rechtskreis "+joinOr(cs))
	}
	switch o.Cost {
	case directory.CostFree:
		reason(ReasonFree, "kostenlos")
	case directory.CostReduced:
		warn(WarnCost, "ermäßigter Beitrag")
	case directory.CostPaid:
		warn(WarnCost, "kostenpflichtig")
	}

	m.Score = math.Round(sum/weights*1e4) / 1e4
	return m
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
