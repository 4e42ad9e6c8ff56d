package store

import (
	"cmp"
	"iter"
	"slices"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
)

// GapListing says which of the gap rules' lists an offer belongs to, as
// GapFacts defines them: full (active, a capacity and no free places),
// unfunded (planned or paused, funding not secured) and course (an active
// integration or language course without childcare of its own, listed
// when no childcare is within reach). A store that keeps every offer of a
// municipality (Neo4j's gap base) decides them in Go with this.
func GapListing(o directory.Offer) (full, unfunded, course bool) {
	active := o.Status == directory.StatusActive
	full = active && o.Capacity != nil && *o.Capacity > 0 && o.FreePlaces != nil && *o.FreePlaces == 0
	unfunded = (o.Status == directory.StatusPlanned || o.Status == directory.StatusPaused) &&
		(o.Funding == directory.FundingUnfunded || o.Funding == directory.FundingApplied)
	course = active && !o.Childcare &&
		(o.Category == directory.CategoryIntegrationCourse || o.Category == directory.CategoryLanguageCourse)
	return full, unfunded, course
}

// IsChildcareNearby says whether an offer counts as childcare within reach
// of a course: an active CHILDCARE or PASSAGE_GROUP offer with a position.
func IsChildcareNearby(o directory.Offer) bool {
	return o.Status == directory.StatusActive && o.Location != nil &&
		(o.Category == directory.CategoryChildcare || o.Category == directory.CategoryPassageGroup)
}

// GapSupply folds the active offers among offers (all of one
// municipality's districts) into the facts' supply per district and need
// area (of needs; all when none), offers per district and category, and
// offers per district, need area and language (all need areas), each
// ordered by its keys.
func GapSupply(offers iter.Seq[directory.Offer], needs []directory.NeedArea, f *GapFacts) {
	type dn struct {
		d string
		n directory.NeedArea
	}
	type dc struct {
		d string
		c directory.OfferCategory
	}
	type dnl struct {
		dn
		l string
	}
	supply, cats, langs := map[dn]*NeedSupply{}, map[dc]int{}, map[dnl]int{}
	for o := range offers {
		if o.Status != directory.StatusActive {
			continue
		}
		cats[dc{o.DistrictID, o.Category}]++
		for _, n := range o.Needs {
			for _, l := range o.Languages {
				langs[dnl{dn{o.DistrictID, n}, l}]++
			}
			if len(needs) > 0 && !slices.Contains(needs, n) {
				continue
			}
			k := dn{o.DistrictID, n}
			if supply[k] == nil {
				supply[k] = &NeedSupply{DistrictID: o.DistrictID, Need: n}
			}
			supply[k].ActiveOffers++
			if o.FreePlaces != nil {
				supply[k].FreePlaces += *o.FreePlaces
			}
		}
	}
	f.Supply = make([]NeedSupply, 0, len(supply))
	for _, v := range supply {
		f.Supply = append(f.Supply, *v)
	}
	slices.SortFunc(f.Supply, func(a, b NeedSupply) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Need), string(b.Need)))
	})
	f.Categories = make([]CategorySupply, 0, len(cats))
	for k, n := range cats {
		f.Categories = append(f.Categories, CategorySupply{DistrictID: k.d, Category: k.c, ActiveOffers: n})
	}
	slices.SortFunc(f.Categories, func(a, b CategorySupply) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Category), string(b.Category)))
	})
	f.DistrictLanguages = make([]DistrictLanguage, 0, len(langs))
	for k, n := range langs {
		f.DistrictLanguages = append(f.DistrictLanguages, DistrictLanguage{DistrictID: k.d, Need: k.n, Language: k.l, Offers: n})
	}
	slices.SortFunc(f.DistrictLanguages, func(a, b DistrictLanguage) int {
		return cmp.Or(strings.Compare(a.DistrictID, b.DistrictID), strings.Compare(string(a.Need), string(b.Need)),
			strings.Compare(a.Language, b.Language))
	})
}
