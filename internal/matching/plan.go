package matching

import (
	"math"
	"sort"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// CarePlan is a small set of offers that together cover as many of a
// client's needs as the candidates allow.
type CarePlan struct {
	Items []Match
	// CoveredNeeds and UncoveredNeeds are in the client's order.
	CoveredNeeds   []directory.NeedArea
	UncoveredNeeds []directory.NeedArea
}

// Costs of an offer in the care plan's set cover; see the package documentation.
const (
	PlanOfferCost     = 1.0 // every offer is one more appointment for the client
	PlanQualityWeight = 2.0 // times (1 − score)
	PlanSpreadWeight  = 1.0 // times the distance to the nearest chosen offer / radius, at most 1
)

// Plan chooses offers from candidates (what the store returned for
// CandidateFilter) that together cover as many of c's needs as possible.
// It is greedy weighted set cover: it repeatedly takes the offer with the
// most newly covered needs per cost, and stops when every need is covered
// or no candidate adds one. When c needs childcare and the plan's German
// course has none, Plan asks childcare(course) for offers near the course
// (the caller runs ChildcareFilter) and adds the best right after the
// course. childcare may be nil. The result is deterministic; items come in
// the order chosen, at most one per need plus one childcare offer.
func Plan(c Client, candidates []store.OfferHit, childcare func(course directory.Offer) []store.OfferHit) CarePlan {
	needs := c.needs()
	items := greedyCover(c, rankAll(c, candidates), needs)
	if c.NeedsChildcare && childcare != nil {
		items = addChildcareNearCourse(c, items, childcare)
	}
	return planOf(needs, dropRedundant(items))
}

// planItem is one offer of a plan.
type planItem struct {
	m      Match
	pinned bool // a childcare offer added for a course, or that course
}

func matchesOf(items []planItem) []Match {
	ms := make([]Match, len(items))
	for i, it := range items {
		ms[i] = it.m
	}
	return ms
}

// greedyCover repeatedly takes the ranked offer with the most uncovered needs
// per cost, until every need is covered or no offer adds one.
func greedyCover(c Client, ranked []Match, needs []directory.NeedArea) []planItem {
	uncovered := map[directory.NeedArea]bool{}
	for _, n := range needs {
		uncovered[n] = true
	}
	var items []planItem
	used := make([]bool, len(ranked))
	for len(uncovered) > 0 && len(items) < len(needs) {
		best, bestValue := -1, 0.0
		current := matchesOf(items)
		for i, m := range ranked {
			if used[i] {
				continue
			}
			gain := 0
			for _, n := range m.MatchedNeeds {
				if uncovered[n] {
					gain++
				}
			}
			if gain == 0 {
				continue
			}
			cost := PlanOfferCost + PlanQualityWeight*(1-m.Score) + PlanSpreadWeight*spread(c, m.Offer, current)
			// Strictly better only: on a tie the earlier-ranked offer stays.
			if v := float64(gain) / cost; v > bestValue+1e-12 {
				best, bestValue = i, v
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		items = append(items, planItem{m: ranked[best]})
		for _, n := range ranked[best].MatchedNeeds {
			delete(uncovered, n)
		}
	}
	return items
}

// addChildcareNearCourse gives the plan's first German course without
// childcare a childcare offer near it, right after the course, or a warning
// when there is none.
func addChildcareNearCourse(c Client, items []planItem, childcare func(course directory.Offer) []store.OfferHit) []planItem {
	for i := range items {
		course := items[i].m.Offer
		if !isCourse(course) || course.Childcare || course.Location == nil {
			continue
		}
		if childcareNear(matchesOf(items), course) {
			break
		}
		add, ok := pickChildcare(c, course, childcare(course), matchesOf(items))
		if !ok {
			items[i].m.Warnings = append(items[i].m.Warnings,
				Reason{WarnNoChildcareNearby, "keine Kinderbetreuung in der Nähe des Kurses gefunden"})
			break
		}
		items[i].pinned = true
		items = append(items[:i+1], append([]planItem{{m: add, pinned: true}}, items[i+1:]...)...)
		break
	}
	return items
}

// dropRedundant drops offers whose needs the rest of the plan covers too: a
// later choice, or the childcare added for the course, may make one redundant.
func dropRedundant(items []planItem) []planItem {
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].pinned {
			continue
		}
		redundant := true
		for _, n := range items[i].m.MatchedNeeds {
			other := false
			for j := range items {
				if j != i && has(items[j].m.MatchedNeeds, n) {
					other = true
					break
				}
			}
			if !other {
				redundant = false
				break
			}
		}
		if redundant {
			items = append(items[:i], items[i+1:]...)
		}
	}
	return items
}

// planOf is the plan of items, with the needs it covers and those it does not.
func planOf(needs []directory.NeedArea, items []planItem) CarePlan {
	plan := CarePlan{Items: matchesOf(items), CoveredNeeds: []directory.NeedArea{}, UncoveredNeeds: []directory.NeedArea{}}
	for _, n := range needs {
		covered := false
		for _, m := range plan.Items {
			if has(m.MatchedNeeds, n) {
				covered = true
				break
			}
		}
		if covered {
			plan.CoveredNeeds = append(plan.CoveredNeeds, n)
		} else {
			plan.UncoveredNeeds = append(plan.UncoveredNeeds, n)
		}
	}
	return plan
}

// spread is how far o lies from the nearest offer already chosen, as a share
// of the client's search radius (at most 1). Digital offers and offers
// without coordinates are never far.
func spread(c Client, o directory.Offer, chosen []Match) float64 {
	if o.Digital || o.Location == nil {
		return 0
	}
	nearest := math.Inf(1)
	for _, m := range chosen {
		if m.Offer.Digital || m.Offer.Location == nil {
			continue
		}
		nearest = math.Min(nearest, directory.DistanceKm(*o.Location, *m.Offer.Location))
	}
	if math.IsInf(nearest, 1) {
		return 0
	}
	return math.Min(1, nearest/c.radiusKm())
}

// childcareNear reports whether the plan already holds a childcare offer or
// Passagegruppe within ChildcareRadiusKm of course.
func childcareNear(chosen []Match, course directory.Offer) bool {
	for _, m := range chosen {
		if isChildcare(m.Offer) && m.Offer.Location != nil &&
			directory.DistanceKm(*m.Offer.Location, *course.Location) <= ChildcareRadiusKm {
			return true
		}
	}
	return false
}

// pickChildcare chooses the childcare offer for a course among hits: active,
// a CHILDCARE or PASSAGE_GROUP offer, free when the client wants only free
// offers, within ChildcareRadiusKm of the course, not already in the plan.
// Offers with free places (or unknown) come before full ones, then the
// nearest to the course, then by id.
func pickChildcare(c Client, course directory.Offer, hits []store.OfferHit, chosen []Match) (Match, bool) {
	type cand struct {
		o    directory.Offer
		km   float64
		full bool
	}
	var cs []cand
	seen := map[string]bool{}
	for _, m := range chosen {
		seen[m.Offer.ID] = true
	}
	for _, h := range hits {
		o := h.Offer
		if seen[o.ID] || o.Status != directory.StatusActive || !isChildcare(o) ||
			c.FreeOnly && o.Cost != directory.CostFree {
			continue
		}
		seen[o.ID] = true
		km := math.Inf(1)
		switch {
		case o.Location != nil:
			km = directory.DistanceKm(*o.Location, *course.Location)
		case h.DistanceKm != nil: // ChildcareFilter measures from the course
			km = *h.DistanceKm
		}
		if km > ChildcareRadiusKm {
			continue
		}
		cs = append(cs, cand{o, km, o.FreePlaces != nil && *o.FreePlaces == 0})
	}
	if len(cs) == 0 {
		return Match{}, false
	}
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.full != b.full {
			return !a.full
		}
		if a.km != b.km {
			return a.km < b.km
		}
		return a.o.ID < b.o.ID
	})
	best := cs[0]
	// The distance from the client is known only when the client gave a
	// location; for a district the caller's centre is not at hand here.
	var fromClient *float64
	if c.Location != nil && best.o.Location != nil {
		d := directory.DistanceKm(*c.Location, *best.o.Location)
		fromClient = &d
	}
	m := evaluate(c, store.OfferHit{Offer: best.o, DistanceKm: fromClient})
	m.Reasons = append([]Reason{{ReasonNearCourse,
		"Kinderbetreuung " + distanceDE(best.km) + " vom Kurs „" + course.Title + "“ entfernt"}}, m.Reasons...)
	return m, true
}

// UnmetNeeds turns the plan's uncovered needs into records for strategic
// steering (Bedarf ohne Angebot): one per need, in districtID, recorded on
// today (YYYY-MM-DD), with the client's first language and first target
// group (other than ALL), and nothing else about the client. districtID is
// the client's districtId or, for a location, NearestDistrict; the store
// refuses an unmet need without one.
func UnmetNeeds(c Client, plan CarePlan, districtID string, today string, newID func() string) []directory.UnmetNeed {
	var lang string
	if len(c.Languages) > 0 {
		lang = c.Languages[0]
	}
	var group directory.TargetGroup
	for _, g := range c.TargetGroups {
		if g != directory.GroupAll {
			group = g
			break
		}
	}
	out := []directory.UnmetNeed{}
	for _, n := range plan.UncoveredNeeds {
		out = append(out, directory.UnmetNeed{
			ID: newID(), Need: n, DistrictID: districtID, Language: lang, TargetGroup: group, RecordedOn: today,
		})
	}
	return out
}
