package referral

import (
	"slices"
	"sort"
)

// MinPublicCount is the smallest count shown to readers outside case
// management (§ 35 SGB I): smaller ones, and those they could be derived
// from, are suppressed.
const MinPublicCount = 5

// Tally is what became of the referrals of one group. Every referral is
// counted once, in its current status: Sent = Open + Accepted + Waitlisted +
// Declined + Completed + Cancelled, and Declined is the sum of DeclinedBy.
type Tally struct {
	Sent, Open, Accepted, Waitlisted, Declined, Completed, Cancelled int
	DeclinedBy                                                       map[Reason]int // DeclineReasons only
	// NoShows are the cancellations with reason NO_SHOW (part of Cancelled).
	NoShows int
	// answerDays[d] referrals were first answered after d whole days.
	answerDays map[int]int
}

// Add counts n referrals in status with reason, first answered after days
// whole days (-1: not yet).
func (t *Tally) Add(status Status, reason Reason, days, n int) {
	if t.DeclinedBy == nil {
		t.DeclinedBy = map[Reason]int{}
		t.answerDays = map[int]int{}
	}
	t.Sent += n
	switch status {
	case StatusSent:
		t.Open += n
	case StatusAccepted:
		t.Accepted += n
	case StatusWaitlisted:
		t.Waitlisted += n
	case StatusDeclined:
		t.Declined += n
		t.DeclinedBy[reason] += n
	case StatusCompleted:
		t.Completed += n
	case StatusCancelled:
		t.Cancelled += n
		if reason == ReasonNoShow {
			t.NoShows += n
		}
	}
	if days >= 0 {
		t.answerDays[days] += n
	}
}

// Answered is how many referrals have had a first answer.
func (t Tally) Answered() int {
	n := 0
	for _, c := range t.answerDays {
		n += c
	}
	return n
}

// MedianDaysToAnswer is the median of the whole days to the first answer,
// or nil when nothing was answered.
func (t Tally) MedianDaysToAnswer() *float64 {
	n := t.Answered()
	if n == 0 {
		return nil
	}
	days := make([]int, 0, len(t.answerDays))
	for d := range t.answerDays {
		days = append(days, d)
	}
	sort.Ints(days)
	// The k-th smallest value, 0-based.
	kth := func(k int) int {
		for _, d := range days {
			if k < t.answerDays[d] {
				return d
			}
			k -= t.answerDays[d]
		}
		return days[len(days)-1]
	}
	m := float64(kth((n-1)/2)+kth(n/2)) / 2
	return &m
}

// Cell is a count as one reader may see it: Value nil when suppressed.
type Cell struct {
	Value      *int
	Suppressed bool
}

func shown(n int) Cell { return Cell{Value: &n} }

// View is a Tally as one reader may see it.
type View struct {
	Sent, Open, Accepted, Waitlisted, Declined, Completed, Cancelled, NoShows Cell
	DeclinedBy                                                                map[Reason]Cell
	// Median is nil when nothing was answered or when suppressed.
	Median           *float64
	MedianSuppressed bool
}

// suppressor applies primary suppression (1..4) and then complementary
// suppression: wherever a total is shown, its parts never hold exactly one
// suppressed cell, so that none can be computed as the total minus the rest.
type suppressor struct {
	hidden map[*int]bool
}

func (s *suppressor) primary(cells ...*int) {
	for _, c := range cells {
		if *c > 0 && *c < MinPublicCount {
			s.hidden[c] = true
		}
	}
}

// complete makes sure that, when total is shown, parts hide none or at
// least two cells: it hides the smallest shown part, preferring non-zero
// ones, and reports whether it changed anything.
func (s *suppressor) complete(total *int, parts []*int) bool {
	if s.hidden[total] {
		return false
	}
	n := 0
	for _, p := range parts {
		if s.hidden[p] {
			n++
		}
	}
	if n != 1 {
		return false
	}
	var best *int
	for _, p := range parts {
		if s.hidden[p] {
			continue
		}
		if best == nil || *p > 0 && (*best == 0 || *p < *best) {
			best = p
		}
	}
	if best == nil {
		return false
	}
	s.hidden[best] = true
	return true
}

// Suppress returns the views of rows and of their total for a reader; when
// small is false (readers outside case management), counts of 1 to 4 are
// suppressed with their complements, in each row and across the rows'
// columns against the total, and the median of fewer than
// MinPublicCount answers is withheld.
func Suppress(rows []Tally, total Tally, small bool) ([]View, View) {
	all := append(slices.Clone(rows), total)
	s := &suppressor{hidden: map[*int]bool{}}
	cs := tallyColumns(all)
	if !small {
		s.suppressTallies(cs)
	}
	out := make([]View, len(rows))
	for i := range rows {
		out[i] = s.view(cs[i], all[i], small)
	}
	return out, s.view(cs[len(cs)-1], all[len(all)-1], small)
}

// tallyCols points at the counts of one tally, the decline reasons in the
// order of DeclineReasons.
type tallyCols struct {
	sent, open, acc, wait, dec, comp, canc, noshow *int
	by                                             []*int
}

// tallyColumns points at the counts of each tally of all; a tally's
// DeclinedBy map is filled in for every reason.
func tallyColumns(all []Tally) []tallyCols {
	cs := make([]tallyCols, len(all))
	for i := range all {
		t := &all[i]
		if t.DeclinedBy == nil {
			t.DeclinedBy = map[Reason]int{}
		}
		by := make([]int, len(DeclineReasons))
		for j, r := range DeclineReasons {
			by[j] = t.DeclinedBy[r]
		}
		c := tallyCols{&t.Sent, &t.Open, &t.Accepted, &t.Waitlisted, &t.Declined, &t.Completed, &t.Cancelled, &t.NoShows, nil}
		for j := range by {
			c.by = append(c.by, &by[j])
		}
		cs[i] = c
	}
	return cs
}

// suppressTallies hides the small counts of cs (the group rows, then the
// total last) and, until nothing changes, their complements in each row and
// across the rows' columns against the total.
func (s *suppressor) suppressTallies(cs []tallyCols) {
	for _, c := range cs {
		s.primary(append([]*int{c.sent, c.open, c.acc, c.wait, c.dec, c.comp, c.canc, c.noshow}, c.by...)...)
	}
	rows, last := cs[:len(cs)-1], cs[len(cs)-1]
	for changed := true; changed; {
		changed = false
		for _, c := range cs {
			changed = s.complete(c.sent, []*int{c.open, c.acc, c.wait, c.dec, c.comp, c.canc}) || changed
			changed = s.complete(c.dec, c.by) || changed
		}
		// Columns: the total row is the sum of the group rows (not for
		// NEED, where a referral counts in several groups; still safe).
		if len(rows) == 0 {
			continue
		}
		col := func(get func(tallyCols) *int) {
			parts := make([]*int, len(rows))
			for i := range rows {
				parts[i] = get(rows[i])
			}
			changed = s.complete(get(last), parts) || changed
		}
		col(func(c tallyCols) *int { return c.sent })
		col(func(c tallyCols) *int { return c.open })
		col(func(c tallyCols) *int { return c.acc })
		col(func(c tallyCols) *int { return c.wait })
		col(func(c tallyCols) *int { return c.dec })
		col(func(c tallyCols) *int { return c.comp })
		col(func(c tallyCols) *int { return c.canc })
		col(func(c tallyCols) *int { return c.noshow })
		for j := range DeclineReasons {
			col(func(c tallyCols) *int { return c.by[j] })
		}
	}
}

// view is what a reader sees of tally t (its counts at c).
func (s *suppressor) view(c tallyCols, t Tally, small bool) View {
	cell := func(p *int) Cell {
		if s.hidden[p] {
			return Cell{Suppressed: true}
		}
		return shown(*p)
	}
	v := View{Sent: cell(c.sent), Open: cell(c.open), Accepted: cell(c.acc), Waitlisted: cell(c.wait),
		Declined: cell(c.dec), Completed: cell(c.comp), Cancelled: cell(c.canc), NoShows: cell(c.noshow),
		DeclinedBy: map[Reason]Cell{}}
	for j, r := range DeclineReasons {
		v.DeclinedBy[r] = cell(c.by[j])
	}
	if !small && t.Answered() < MinPublicCount && t.Answered() > 0 {
		v.MedianSuppressed = true
	} else {
		v.Median = t.MedianDaysToAnswer()
	}
	return v
}
