package server_test

import (
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

// ADMIN sees unmet-need counts suppressed below 5. It must not recover
// them by differencing: a gap-report cell minus the shown rows of
// unmetNeedCounts for that district and need, or by counting the audit
// entries of recordUnmetNeed.
func TestSuppressionHoldsAgainstDifferencing(t *testing.T) {
	e := newEnv(t)
	// Six needs in Tigrinya and two in Amharic in one district: the cell
	// grows by 8, the Amharic row (2) is suppressed — and without
	// complementary suppression the cell minus the shown rows gives it away.
	d0 := e.snap.Districts[0].ID
	for i := range 8 {
		lang := "ti"
		if i >= 6 {
			lang = "am"
		}
		e.ok(access.RoleCaseManager, `mutation($d: ID!, $l: String) { recordUnmetNeed(input: {need: FINANCES, districtId: $d, language: $l}) { id } }`,
			map[string]any{"d": d0, "l": lang}, nil)
	}
	var gr struct {
		GapReport struct {
			Cells []struct {
				District   struct{ ID string }
				Need       string
				UnmetNeeds *int
			}
		}
	}
	var uc struct {
		UnmetNeedCounts []struct {
			District   struct{ ID string }
			Need       string
			Count      *int
			Suppressed bool
		}
	}
	for _, m := range []string{"Solingen", "Wuppertal"} {
		e.ok(access.RoleAdmin, `query($m: String) { gapReport(municipality: $m) { cells { district { id } need unmetNeeds } } }`, map[string]any{"m": m}, &gr)
		e.ok(access.RoleAdmin, `query($m: String) { unmetNeedCounts(filter: {municipality: $m}) { district { id } need count suppressed } }`, map[string]any{"m": m}, &uc)
		shown, hidden := map[string]int{}, map[string]int{}
		for _, r := range uc.UnmetNeedCounts {
			k := r.District.ID + "|" + r.Need
			if r.Suppressed {
				hidden[k]++
			} else if r.Count != nil {
				shown[k] += *r.Count
				if *r.Count > 0 && *r.Count < 5 {
					t.Errorf("%s: a count of %d shown to ADMIN", k, *r.Count)
				}
			}
		}
		cells, checked := 0, 0
		for _, c := range gr.GapReport.Cells {
			if c.UnmetNeeds == nil {
				continue
			}
			cells++
			k := c.District.ID + "|" + c.Need
			if hidden[k] > 0 {
				checked++
			}
			if rest := *c.UnmetNeeds - shown[k]; rest > 0 && rest < 5 {
				t.Errorf("%s: cell %d minus shown rows %d reveals %d", k, *c.UnmetNeeds, shown[k], rest)
			}
		}
		t.Logf("%s: %d visible cells, %d with suppressed rows", m, cells, checked)
		if m == "Solingen" && checked == 0 {
			t.Error("no visible cell with suppressed rows: the differencing was not tried")
		}
	}

	// The audit entry of a recorded unmet need carries its attributes only
	// for readers who see small counts; ADMIN, the one audit reader, does not.
	district := d0
	e.ok(access.RoleCaseManager, `mutation($d: ID!) { recordUnmetNeed(input: {need: HOUSING, districtId: $d, language: "ti", targetGroup: WOMEN}) { id } }`,
		map[string]any{"d": district}, nil)
	r := e.do(access.RoleAdmin, `{ auditLog(filter: {action: "recordUnmetNeed"}, first: 5) { edges { node { actorName entityType entityId changes { field new } } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatal(r.Errors)
	}
	body := string(r.Data)
	if !strings.Contains(body, "UnmetNeed") {
		t.Fatalf("no audit entry of recordUnmetNeed: %s", body)
	}
	for _, leak := range []string{district, `"ti"`, "HOUSING", "WOMEN"} {
		if strings.Contains(body, leak) {
			t.Errorf("ADMIN's audit log shows %s of the unmet need: %s", leak, body)
		}
	}
}
