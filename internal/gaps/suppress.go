package gaps

import (
	"sort"

	"github.com/lotse-kim/lotse/internal/access"
)

// GroupedCounts returns counts as reader p may see them when the total of
// each group (group[i] names the group of counts[i]) is published elsewhere
// — unmetNeedCounts' rows of one district and need area add up to the gap
// report's cell. Small counts are suppressed as VisibleCount does; then, in
// every group whose suppressed counts would add up to 1..MinPublicCount−1
// (total minus the shown counts), further counts are suppressed, smallest
// first, until the suppressed sum is at least MinPublicCount or the whole
// group is suppressed (complementary suppression). A group whose total is
// itself small is suppressed whole: its cell is.
func GroupedCounts(counts []int, group []string, p access.Principal) []Count {
	out := make([]Count, len(counts))
	for i, n := range counts {
		out[i] = VisibleCount(n, p)
	}
	if access.SeesSmallCounts(p) {
		return out
	}
	members := map[string][]int{}
	for i := range counts {
		members[group[i]] = append(members[group[i]], i)
	}
	for _, idx := range members {
		hidden := 0
		for _, i := range idx {
			if out[i].Suppressed {
				hidden += counts[i]
			}
		}
		if hidden == 0 || hidden >= MinPublicCount {
			continue
		}
		shown := make([]int, 0, len(idx))
		for _, i := range idx {
			if !out[i].Suppressed && counts[i] > 0 {
				shown = append(shown, i)
			}
		}
		sort.Slice(shown, func(a, b int) bool { return counts[shown[a]] < counts[shown[b]] })
		for _, i := range shown {
			if hidden >= MinPublicCount {
				break
			}
			out[i] = Count{Suppressed: true}
			hidden += counts[i]
		}
	}
	return out
}
