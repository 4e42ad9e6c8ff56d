package referral

import "testing"

func tally(adds ...[4]any) Tally {
	var t Tally
	for _, a := range adds {
		t.Add(a[0].(Status), a[1].(Reason), a[2].(int), a[3].(int))
	}
	return t
}

func TestTallyAndMedian(t *testing.T) {
	x := tally([4]any{StatusSent, Reason(""), -1, 3}, [4]any{StatusDeclined, ReasonNoCapacity, 1, 4},
		[4]any{StatusAccepted, Reason(""), 3, 1}, [4]any{StatusCancelled, ReasonNoShow, 10, 2})
	if x.Sent != 10 || x.Open != 3 || x.Declined != 4 || x.DeclinedBy[ReasonNoCapacity] != 4 || x.NoShows != 2 || x.Answered() != 7 {
		t.Errorf("tally %+v", x)
	}
	// Answer days 1,1,1,1,3,10,10: the median is 1.
	if m := x.MedianDaysToAnswer(); m == nil || *m != 1 {
		t.Errorf("median %v", m)
	}
	y := tally([4]any{StatusAccepted, Reason(""), 2, 1}, [4]any{StatusAccepted, Reason(""), 5, 1})
	if m := y.MedianDaysToAnswer(); m == nil || *m != 3.5 {
		t.Errorf("median of 2 and 5: %v", m)
	}
	if m := (Tally{}).MedianDaysToAnswer(); m != nil {
		t.Errorf("median of nothing: %v", *m)
	}
}

func val(c Cell) int {
	if c.Value == nil {
		return -1
	}
	return *c.Value
}

func TestSuppressionHidesSmallCountsAndTheirComplements(t *testing.T) {
	a := tally([4]any{StatusDeclined, ReasonNoCapacity, 1, 20}, [4]any{StatusDeclined, ReasonNotEligible, 1, 2}, [4]any{StatusAccepted, Reason(""), 2, 30})
	b := tally([4]any{StatusAccepted, Reason(""), 2, 40}, [4]any{StatusCompleted, Reason(""), 4, 9})
	var total Tally
	for _, x := range []Tally{a, b} {
		total.Add(StatusDeclined, ReasonNoCapacity, 1, x.DeclinedBy[ReasonNoCapacity])
		total.Add(StatusDeclined, ReasonNotEligible, 1, x.DeclinedBy[ReasonNotEligible])
		total.Add(StatusAccepted, "", 2, x.Accepted)
		total.Add(StatusCompleted, "", 4, x.Completed)
	}
	rows, tot := Suppress([]Tally{a, b}, total, false)
	ra := rows[0]
	if !ra.DeclinedBy[ReasonNotEligible].Suppressed {
		t.Error("a count of 2 is shown")
	}
	// Declined (22) is shown, so a second reason must be hidden too.
	hidden := 0
	for _, r := range DeclineReasons {
		if ra.DeclinedBy[r].Suppressed {
			hidden++
		}
	}
	if val(ra.Declined) == 22 && hidden < 2 {
		t.Errorf("declined shown with only %d suppressed reason(s): derivable", hidden)
	}
	// Column NOT_ELIGIBLE: total 2 is itself small, so hidden.
	if !tot.DeclinedBy[ReasonNotEligible].Suppressed {
		t.Error("total NOT_ELIGIBLE of 2 shown")
	}
	if val(tot.Sent) != 101 || val(rows[1].Accepted) != 40 {
		t.Errorf("large counts hidden: %+v", tot.Sent)
	}
	// Case management sees everything.
	rows, _ = Suppress([]Tally{a, b}, total, true)
	if val(rows[0].DeclinedBy[ReasonNotEligible]) != 2 {
		t.Error("case management does not see the small count")
	}
	// A median of fewer than 5 answers is withheld from others.
	small := tally([4]any{StatusAccepted, Reason(""), 2, 3})
	_, v := Suppress(nil, small, false)
	if !v.MedianSuppressed || v.Median != nil || !v.Sent.Suppressed {
		t.Errorf("small group: %+v", v)
	}
}

// Exhaustive check on small tables: no suppressed cell can be computed from
// a shown total and the shown parts.
func TestNoSuppressedCellIsDerivable(t *testing.T) {
	for seed := 0; seed < 300; seed++ {
		rows := make([]Tally, 3)
		var total Tally
		for i := range rows {
			for j, st := range []Status{StatusSent, StatusAccepted, StatusWaitlisted, StatusCompleted, StatusCancelled} {
				n := (seed*7 + i*13 + j*5) % 9
				rows[i].Add(st, "", -1, n)
				total.Add(st, "", -1, n)
			}
			n := (seed + i*3) % 7
			rows[i].Add(StatusDeclined, ReasonNoCapacity, -1, n)
			total.Add(StatusDeclined, ReasonNoCapacity, -1, n)
		}
		vs, tv := Suppress(rows, total, false)
		check := func(total Cell, parts []Cell) {
			if total.Suppressed {
				return
			}
			n := 0
			for _, p := range parts {
				if p.Suppressed {
					n++
				}
			}
			if n == 1 {
				t.Fatalf("seed %d: one suppressed part beside a shown total", seed)
			}
		}
		for _, v := range append(vs, tv) {
			check(v.Sent, []Cell{v.Open, v.Accepted, v.Waitlisted, v.Declined, v.Completed, v.Cancelled})
			for _, c := range []Cell{v.Sent, v.Open, v.Accepted, v.Waitlisted, v.Declined, v.Completed, v.Cancelled} {
				if c.Value != nil && *c.Value > 0 && *c.Value < MinPublicCount {
					t.Fatalf("seed %d: small count %d shown", seed, *c.Value)
				}
			}
		}
		check(tv.Accepted, []Cell{vs[0].Accepted, vs[1].Accepted, vs[2].Accepted})
		check(tv.Sent, []Cell{vs[0].Sent, vs[1].Sent, vs[2].Sent})
	}
}
