package gaps

import (
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

// An attacker who sees the group totals (the gap report's cells) and the
// shown counts of each group subtracts; what remains must never be a small
// count.
func TestGroupedCountsResistDifferencing(t *testing.T) {
	admin := access.Principal{Role: access.RoleAdmin}
	for _, c := range []struct {
		name   string
		counts []int
		group  []string
	}{
		{"one small row", []int{7, 9, 2}, []string{"a", "a", "a"}},
		{"two small rows adding to 4", []int{12, 1, 3}, []string{"a", "a", "a"}},
		{"small rows adding to 5", []int{12, 2, 3}, []string{"a", "a", "a"}},
		{"the smallest shown row goes too", []int{30, 6, 5, 1}, []string{"a", "a", "a", "a"}},
		{"groups apart", []int{8, 1, 8, 9}, []string{"a", "a", "b", "b"}},
		{"all small", []int{1, 2, 1}, []string{"a", "a", "a"}},
		{"zeros are shown", []int{0, 6, 0}, []string{"a", "a", "a"}},
	} {
		got := GroupedCounts(c.counts, c.group, admin)
		total, shown, hidden := map[string]int{}, map[string]int{}, map[string]int{}
		for i, n := range c.counts {
			total[c.group[i]] += n
			if got[i].Suppressed {
				hidden[c.group[i]]++
				continue
			}
			if *got[i].Value != n {
				t.Errorf("%s: row %d shown as %d, is %d", c.name, i, *got[i].Value, n)
			}
			if n > 0 && n < MinPublicCount {
				t.Errorf("%s: small count %d shown", c.name, n)
			}
			shown[c.group[i]] += n
		}
		for g, tot := range total {
			if rest := tot - shown[g]; rest > 0 && rest < MinPublicCount && tot >= MinPublicCount {
				t.Errorf("%s: group %s total %d minus shown %d reveals %d", c.name, g, tot, shown[g], rest)
			}
		}
	}
	steering := access.Principal{Role: access.RoleSteering}
	for i, c := range GroupedCounts([]int{7, 9, 2}, []string{"a", "a", "a"}, steering) {
		if c.Suppressed {
			t.Errorf("steering: row %d suppressed", i)
		}
	}
}
