package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
)

// DemoReferralCount is how many referrals the demo network carries.
const DemoReferralCount = 400

// NRWReferralCount is how many referrals an NRW-scale network carries.
const NRWReferralCount = 200_000

// ReferralTensions are what the demo referrals are built to show.
type ReferralTensions struct {
	// AlwaysFullCourse: an ACTIVE integration course without free places to
	// which many referrals go, most declined with NO_CAPACITY.
	AlwaysFullCourse string
	// PaperCooperation: a declared cooperation between a sending
	// organisation and a provider without a single referral between them.
	PaperCooperation [2]string
}

// senderKinds are the organisations that run case management and refer.
var senderKinds = []directory.OrganisationKind{directory.KindIntegrationCentre, directory.KindJobcenter,
	directory.KindCityService, directory.KindYouthWelfareOffice, directory.KindWelfareAssociation}

// DemoReferrals are the referrals of Demo().
func DemoReferrals(s directory.Snapshot) ([]referral.Referral, ReferralTensions) {
	return Referrals(s, DemoSeed, DemoReferralCount)
}

// Referrals generates n referrals over s, deterministic in seed and s:
// from the case-management organisations of each municipality to its
// ACTIVE and PLANNED offers, sent in the 300 days before BaseTime, in every
// status. Referrals closed more than 180 days before BaseTime are erased,
// as the retention rule would have done.
func Referrals(s directory.Snapshot, seed int64, n int) ([]referral.Referral, ReferralTensions) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5EF))
	municipality := map[string]string{}
	for _, d := range s.Districts {
		municipality[d.ID] = d.Municipality
	}
	senders := map[string][]string{} // by municipality
	isSender := map[string]bool{}
	for _, o := range s.Organisations {
		if slices.Contains(senderKinds, o.Kind) && o.Municipality != "" {
			senders[o.Municipality] = append(senders[o.Municipality], o.ID)
			isSender[o.ID] = true
		}
	}
	var offers []directory.Offer
	var t ReferralTensions
	for _, o := range s.Offers {
		m := municipality[o.DistrictID]
		if o.DistrictID == "" || len(senders[m]) == 0 || len(o.Needs) == 0 ||
			(o.Status != directory.StatusActive && o.Status != directory.StatusPlanned) {
			continue
		}
		offers = append(offers, o)
		if t.AlwaysFullCourse == "" && o.Status == directory.StatusActive && o.Category == directory.CategoryIntegrationCourse &&
			o.Capacity != nil && *o.Capacity > 0 && o.FreePlaces != nil && *o.FreePlaces == 0 {
			t.AlwaysFullCourse = o.ID
		}
	}
	if len(offers) == 0 {
		return nil, t
	}
	providers := map[string]bool{}
	for _, o := range offers {
		providers[o.ProviderID] = true
	}
	// The paper cooperation: the first declared one between a sender and a provider.
	for _, c := range s.Cooperations {
		if isSender[c.A] && providers[c.B] && c.A != c.B {
			t.PaperCooperation = [2]string{c.A, c.B}
			break
		}
		if isSender[c.B] && providers[c.A] && c.A != c.B {
			t.PaperCooperation = [2]string{c.B, c.A}
			break
		}
	}
	paper := func(from, to string) bool {
		return from == t.PaperCooperation[0] && to == t.PaperCooperation[1] || from == t.PaperCooperation[1] && to == t.PaperCooperation[0]
	}
	var full *directory.Offer
	for i := range offers {
		if offers[i].ID == t.AlwaysFullCourse {
			full = &offers[i]
		}
	}
	out := make([]referral.Referral, 0, n)
	for i := 0; len(out) < n && i < 4*n; i++ {
		o := offers[r.IntN(len(offers))]
		toFull := full != nil && i%12 == 0 // about one in twelve goes to the always-full course
		if toFull {
			o = *full
		}
		m := municipality[o.DistrictID]
		from := senders[m][r.IntN(len(senders[m]))]
		if from == o.ProviderID || paper(from, o.ProviderID) {
			continue
		}
		out = append(out, demoReferral(r, len(out), o, m, from, toFull))
	}
	return out, t
}

// demoReferral makes one referral with a drawn history.
func demoReferral(r *rand.Rand, i int, o directory.Offer, municipality, from string, full bool) referral.Referral {
	sent := BaseTime.Add(-time.Duration(1+r.IntN(300*24)) * time.Hour)
	needs := []directory.NeedArea{o.Needs[r.IntN(len(o.Needs))]}
	if len(o.Needs) > 1 && r.IntN(3) == 0 {
		if other := o.Needs[r.IntN(len(o.Needs))]; other != needs[0] {
			needs = append(needs, other)
		}
	}
	d := referral.Draft{
		CaseRef: fmt.Sprintf("KM-%d-%05d", sent.Year(), i+1), OfferID: o.ID, Needs: needs,
		Consent: &referral.Consent{GivenOn: sent.Format(time.DateOnly), Form: referral.ConsentWritten,
			Shares: []referral.Share{referral.ShareNeeds, referral.ShareOutcome}, ValidUntil: sent.AddDate(1, 0, 0).Format(time.DateOnly)},
	}
	if r.IntN(4) == 0 {
		d.Consent.Form = referral.ConsentVerbalDocumented
	}
	if r.IntN(3) == 0 {
		d.Note = pick(r, []string{"Braucht Kinderbetreuung während des Kurses.", "Vorkenntnisse A1, Zertifikat liegt vor.",
			"Termin bitte vormittags.", "Dolmetschung Arabisch wird mitgebracht.", "Rückmeldung bitte über die Beratungsstelle."})
		d.Consent.Shares = append(d.Consent.Shares, referral.ShareNote)
	}
	ref := referral.New(fmt.Sprintf("ref-%s-%05d", o.ID, i+1), d, o, municipality, from, access.RoleCaseManager, sent)
	at := sent
	step := func(to referral.Status, reason referral.Reason, side referral.Side, maxHours int) bool {
		at = at.Add(time.Duration(1+r.IntN(maxHours)) * time.Hour)
		if !at.Before(BaseTime) {
			return false
		}
		role, org := access.RolePartner, o.ProviderID
		if side == referral.Sender {
			role, org = access.RoleCaseManager, from
		}
		next, err := referral.Apply(ref, referral.Change{To: to, Reason: reason, Side: side, At: at, Role: role, OrganisationID: org})
		if err != nil {
			panic(err) // the walks below follow the graph
		}
		ref = next
		return true
	}
	answer := 14 * 24
	switch x := r.IntN(100); {
	case full:
		if x < 75 {
			step(referral.StatusDeclined, referral.ReasonNoCapacity, referral.Receiver, answer)
		} else if x < 90 {
			step(referral.StatusWaitlisted, "", referral.Receiver, answer)
		}
	case x < 12: // still unanswered
	case x < 20:
		step(referral.StatusCancelled, pick(r, []referral.Reason{referral.ReasonClientDeclined, referral.ReasonNotReachable, ""}), referral.Sender, answer)
	case x < 40:
		step(referral.StatusDeclined, pick(r, referral.DeclineReasons), referral.Receiver, answer)
	case x < 50:
		if step(referral.StatusWaitlisted, "", referral.Receiver, answer) && r.IntN(2) == 0 {
			step(referral.StatusAccepted, "", referral.Receiver, 30*24)
		}
	default:
		if step(referral.StatusAccepted, "", referral.Receiver, answer) {
			switch y := r.IntN(10); {
			case y < 6:
				step(referral.StatusCompleted, "", referral.Receiver, 90*24)
			case y < 8:
				step(referral.StatusCancelled, referral.ReasonNoShow, referral.Receiver, 14*24)
			}
		}
	}
	if referral.Due(ref, BaseTime, referral.DefaultRetentionDays) {
		ref = referral.Erase(ref, ref.ClosedAt.AddDate(0, 0, referral.DefaultRetentionDays))
	}
	return ref
}
