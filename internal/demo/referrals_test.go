package demo

import (
	"reflect"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
)

func TestDemoReferrals(t *testing.T) {
	s := Demo()
	rs, ten := DemoReferrals(s)
	if len(rs) != DemoReferralCount {
		t.Fatalf("%d referrals, want %d", len(rs), DemoReferralCount)
	}
	again, _ := DemoReferrals(s)
	if !reflect.DeepEqual(rs, again) {
		t.Error("the demo referrals are not deterministic")
	}
	statuses := map[referral.Status]int{}
	var fullDeclined, paper, erased int
	ids := map[string]bool{}
	for _, r := range rs {
		if err := r.Validate(); err != nil {
			t.Fatalf("%s: %v", r.ID, err)
		}
		if ids[r.ID] {
			t.Fatalf("id %s twice", r.ID)
		}
		ids[r.ID] = true
		statuses[r.Status]++
		if r.OfferID == ten.AlwaysFullCourse && r.Status == referral.StatusDeclined && r.Reason == referral.ReasonNoCapacity {
			fullDeclined++
		}
		if (r.FromOrganisationID == ten.PaperCooperation[0] && r.ToOrganisationID == ten.PaperCooperation[1]) ||
			(r.FromOrganisationID == ten.PaperCooperation[1] && r.ToOrganisationID == ten.PaperCooperation[0]) {
			paper++
		}
		if r.Erased() {
			erased++
		}
		if !r.Erased() && r.CaseRef != "" {
			if p := problemsOfCaseRef(r.CaseRef); p != nil {
				t.Errorf("%s: case reference %q refused: %v", r.ID, r.CaseRef, p)
			}
		}
	}
	for _, st := range referral.Statuses {
		if statuses[st] < 10 {
			t.Errorf("only %d referrals %s: %v", statuses[st], st, statuses)
		}
	}
	if ten.AlwaysFullCourse == "" || fullDeclined < 10 {
		t.Errorf("always-full course %q with %d NO_CAPACITY declines", ten.AlwaysFullCourse, fullDeclined)
	}
	if ten.PaperCooperation[0] == "" || paper != 0 {
		t.Errorf("paper cooperation %v carries %d referrals", ten.PaperCooperation, paper)
	}
	if erased == 0 || erased == len(rs) {
		t.Errorf("%d of %d referrals erased", erased, len(rs))
	}
}

func problemsOfCaseRef(ref string) error {
	p := directory.NewProblems()
	referral.CheckCaseRef(p, "caseRef", ref)
	return p.Err()
}
