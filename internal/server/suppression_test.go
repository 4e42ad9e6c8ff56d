package server_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

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

// ADMIN must not recover a suppressed count by differencing time windows:
// five needs recorded on one day and two on the next give 7 in all, 5 for
// the first day alone, and 7 − 5 = 2 for the second day. The attacker
// asks every window a reader can name (none, since, until, both, by the
// deprecated and the Date arguments) and differences every pair, for
// unmetNeedCounts rows and for the gap-report cell; a reader who does not
// see small counts gets the one all-time window only. STEERING, who sees
// exact counts, keeps its windows.
func TestSuppressionHoldsAcrossTimeWindows(t *testing.T) {
	e := newEnv(t)
	d0 := e.snap.Districts[0].ID
	const day1, day2 = "2026-03-02", "2026-03-03"
	for i := range 7 {
		on := day1
		if i >= 5 {
			on = day2
		}
		e.ok(access.RoleCaseManager, `mutation($d: ID!, $on: Date) { recordUnmetNeed(input: {need: HEALTH, districtId: $d, language: "ti", targetGroup: SENIORS, recordedDate: $on}) { id } }`,
			map[string]any{"d": d0, "on": on}, nil)
	}
	row := func(role access.Role, filter map[string]any) (count *int, ok bool) {
		t.Helper()
		f := map[string]any{"districtIds": []string{d0}, "needs": []string{"HEALTH"}}
		for k, v := range filter {
			f[k] = v
		}
		r := e.do(role, `query($f: UnmetNeedFilter) { unmetNeedCounts(filter: $f) { language targetGroup count } }`, map[string]any{"f": f})
		if len(r.Errors) > 0 {
			for _, c := range codes(r) {
				if !strings.HasPrefix(c, "BAD_USER_INPUT filter.") {
					t.Errorf("%s, window %v: %v", role, filter, codes(r))
				}
			}
			return nil, false
		}
		var out struct {
			UnmetNeedCounts []struct {
				Language, TargetGroup string
				Count                 *int
			}
		}
		if err := json.Unmarshal(r.Data, &out); err != nil {
			t.Fatal(err)
		}
		for _, c := range out.UnmetNeedCounts {
			if c.Language == "ti" && c.TargetGroup == "SENIORS" {
				return c.Count, true
			}
		}
		zero := 0
		return &zero, true
	}
	windows := []map[string]any{{}, {"since": day1}, {"since": day2}, {"until": day1}, {"until": day2},
		{"since": day1, "until": day1}, {"since": day2, "until": day2}, {"sinceDate": day2}, {"untilDate": day1},
		{"sinceDate": day1, "untilDate": day1}}
	var gr struct {
		GapReport struct {
			Cells []struct {
				District   struct{ ID string }
				Need       string
				UnmetNeeds *int
			}
		}
	}
	e.ok(access.RoleAdmin, `{ gapReport(needs: [HEALTH]) { cells { district { id } need unmetNeeds } } }`, nil, &gr)
	var known []int // every number ADMIN learns about this row and its cell
	for _, c := range gr.GapReport.Cells {
		if c.District.ID == d0 && c.UnmetNeeds != nil {
			known = append(known, *c.UnmetNeeds)
		}
	}
	answered := 0
	for _, w := range windows {
		if n, ok := row(access.RoleAdmin, w); ok {
			answered++
			if n != nil {
				known = append(known, *n)
			}
		}
	}
	if answered != 1 {
		t.Errorf("ADMIN got answers for %d windows; want only the all-time one", answered)
	}
	for i := range known {
		for j := range known {
			if d := known[i] - known[j]; d > 0 && d < 5 {
				t.Errorf("ADMIN differences %d − %d = %d (known: %v)", known[i], known[j], d, known)
			}
		}
	}
	// Steering sees exact counts and may window them.
	if n, ok := row(access.RoleSteering, map[string]any{"since": day2, "until": day2}); !ok || n == nil || *n != 2 {
		t.Errorf("STEERING's window of %s: %v, %v; want 2", day2, n, ok)
	}
}

// referralStats suppresses small counts for STEERING and ADMIN; they must
// not recover them by differencing windows either: two referrals sent
// today make "until yesterday" and "all" differ by 2. Only the all-time
// window is answered to them; CASE_MANAGER, who sees exact counts, keeps
// its windows.
func TestReferralStatsWindowsCannotBeDifferenced(t *testing.T) {
	e := newEnv(t)
	e.newReferral()
	e.newReferral()
	m := e.snap.Districts[0].Municipality
	yesterday := time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)
	const q = `query($m: String, $s: Date, $u: Date) { referralStats(municipality: $m, since: $s, until: $u) { total { sent } } }`
	for _, role := range []access.Role{access.RoleSteering, access.RoleAdmin} {
		var known []int
		answered := 0
		for _, w := range []map[string]any{{}, {"u": yesterday}, {"s": e.today()}, {"s": "2000-01-01", "u": yesterday}} {
			w["m"] = m
			r := e.do(role, q, w)
			if len(r.Errors) > 0 {
				for _, c := range codes(r) {
					if c != "BAD_USER_INPUT since" && c != "BAD_USER_INPUT until" {
						t.Errorf("%s, window %v: %v", role, w, codes(r))
					}
				}
				continue
			}
			answered++
			var out struct {
				ReferralStats struct{ Total struct{ Sent *int } }
			}
			if err := json.Unmarshal(r.Data, &out); err != nil {
				t.Fatal(err)
			}
			if n := out.ReferralStats.Total.Sent; n != nil {
				known = append(known, *n)
			}
		}
		if answered != 1 {
			t.Errorf("%s got answers for %d windows; want only the all-time one", role, answered)
		}
		for i := range known {
			for j := range known {
				if d := known[i] - known[j]; d > 0 && d < 5 {
					t.Errorf("%s differences %d − %d = %d", role, known[i], known[j], d)
				}
			}
		}
	}
	var cm struct {
		ReferralStats struct{ Total struct{ Sent *int } }
	}
	e.ok(access.RoleCaseManager, q, map[string]any{"m": m, "s": e.today()}, &cm)
	if cm.ReferralStats.Total.Sent == nil || *cm.ReferralStats.Total.Sent < 2 {
		t.Errorf("CASE_MANAGER's window of today: %+v; want at least the 2 sent", cm)
	}
}
