package server_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
)

const referralFields = `id caseRef note status reason needs offerId nextStatuses
  consent { givenOn form shares validUntil withdrawnAt }
  from { id } provider { id } offer { id title }
  history { status role organisation { id } reason }`

type referralOut struct {
	ID, Status, OfferID string
	CaseRef, Note       *string
	Reason              *string
	Needs, NextStatuses []string
	Consent             struct {
		GivenOn, Form, ValidUntil string
		Shares                    []string
		WithdrawnAt               *string
	}
	From, Provider struct{ ID string }
	Offer          *struct{ ID, Title string }
	History        []struct {
		Status, Role string
		Organisation *struct{ ID string }
		Reason       *string
	}
}

func (e *env) referral(role access.Role, id string) *referralOut {
	e.t.Helper()
	var out struct{ Referral *referralOut }
	e.ok(role, `query($id: ID!) { referral(id: $id) { `+referralFields+` } }`, map[string]any{"id": id}, &out)
	return out.Referral
}

func (e *env) setStatus(role access.Role, id, status string, extra map[string]any) gqlResponse {
	e.t.Helper()
	vars := map[string]any{"id": id, "s": status, "r": nil, "na": false}
	for k, v := range extra {
		vars[k] = v
	}
	return e.do(role, `mutation($id: ID!, $s: ReferralStatus!, $r: ReferralReason, $na: Boolean) {
	  updateReferralStatus(id: $id, status: $s, reason: $r, noAlternative: $na) { `+referralFields+` } }`, vars)
}

func wantCodes(t *testing.T, what string, r gqlResponse, want ...string) {
	t.Helper()
	if got := codes(r); !slices.Equal(got, want) {
		msg := ""
		if len(r.Errors) > 0 {
			msg = r.Errors[0].Message
		}
		t.Errorf("%s: %v, want %v (%s)", what, got, want, msg)
	}
}

func offerWithStatus(s directory.Snapshot, st directory.OfferStatus) string {
	for _, o := range s.Offers {
		if o.Status == st {
			return o.ID
		}
	}
	return ""
}

// TestReferralLoop walks the whole loop over the real HTTP handler on the
// demo network with the five roles: a counsellor refers, the provider
// waitlists, accepts and completes, the counsellor withdraws consent on
// another referral, a decline without alternative records unmet needs, and
// steering reads the statistics; every refusal is checked and changes nothing.
func TestReferralLoop(t *testing.T) {
	e := newEnv(t)
	create := `mutation($in: CreateReferralInput!) { createReferral(input: $in) { ` + referralFields + ` } }`
	in := e.referralInput(1)

	// Refusals of createReferral: roles, then bad input naming the field.
	before := e.footprint()
	for role, want := range map[access.Role]string{access.RolePublic: "UNAUTHENTICATED", access.RolePartner: "FORBIDDEN",
		access.RoleSteering: "FORBIDDEN", access.RoleAdmin: "FORBIDDEN"} {
		wantCodes(t, string(role)+" creates a referral", e.do(role, create, map[string]any{"in": in}), want)
	}
	bad := func(field string, edit func(map[string]any)) {
		t.Helper()
		v := clone(in)
		v["consent"] = clone(in["consent"].(map[string]any))
		edit(v)
		wantCodes(t, "createReferral with bad "+field, e.do(access.RoleCaseManager, create, map[string]any{"in": v}), "BAD_USER_INPUT "+field)
	}
	bad("consent", func(v map[string]any) { delete(v, "consent") })
	bad("caseRef", func(v map[string]any) { v["caseRef"] = "ayse.yilmaz@example.org" })
	bad("caseRef", func(v map[string]any) { v["caseRef"] = "0212 2901234" })
	bad("caseRef", func(v map[string]any) { v["caseRef"] = "Ayse Yilmaz" })
	bad("note", func(v map[string]any) { v["note"] = "Bitte anrufen: 0171 2345678" })
	bad("note", func(v map[string]any) { v["note"] = strings.Repeat("x", 501) })
	bad("consent.validUntil", func(v map[string]any) { v["consent"].(map[string]any)["validUntil"] = "2020-01-01" })
	if ended := offerWithStatus(e.snap, directory.StatusEnded); ended != "" {
		bad("offerId", func(v map[string]any) { v["offerId"] = ended })
	}
	if paused := offerWithStatus(e.snap, directory.StatusPaused); paused != "" {
		bad("offerId", func(v map[string]any) { v["offerId"] = paused })
	}
	wantCodes(t, "unknown offer", e.do(access.RoleCaseManager, create, map[string]any{"in": func() map[string]any {
		v := clone(in)
		v["offerId"] = "off-nowhere"
		return v
	}()}), "NOT_FOUND offerId")
	if after := e.footprint(); after != before {
		t.Errorf("refused creations changed the store: %+v → %+v", before, after)
	}

	// The counsellor refers.
	var made struct{ CreateReferral referralOut }
	e.ok(access.RoleCaseManager, create, map[string]any{"in": in}, &made)
	ref := made.CreateReferral
	if ref.Status != "SENT" || ref.From.ID != caseOrg(e.snap) || ref.Provider.ID != partnerOrg(e.snap) || ref.CaseRef == nil ||
		*ref.CaseRef != in["caseRef"] || !slices.Equal(ref.NextStatuses, []string{"CANCELLED"}) || len(ref.History) != 1 ||
		ref.History[0].Role != "CASE_MANAGER" {
		t.Fatalf("created referral: %+v", ref)
	}

	// Who sees it: the provider (with case reference, needs, note, consent) and the sender; nobody else.
	got := e.referral(access.RolePartner, ref.ID)
	if got == nil || got.CaseRef == nil || got.Note == nil || len(got.Needs) != 1 || got.Consent.Form != "WRITTEN" ||
		!slices.Equal(got.NextStatuses, []string{"ACCEPTED", "WAITLISTED", "DECLINED"}) {
		t.Fatalf("the provider's view: %+v", got)
	}
	for _, role := range []access.Role{access.RoleSteering, access.RoleAdmin} {
		wantCodes(t, string(role)+" reads a referral", e.do(role, `query($id: ID!) { referral(id: $id) { id caseRef } }`, map[string]any{"id": ref.ID}), "FORBIDDEN")
		wantCodes(t, string(role)+" lists referrals", e.do(role, `{ referrals { totalCount } }`, nil), "FORBIDDEN")
	}
	wantCodes(t, "PUBLIC reads a referral", e.do(access.RolePublic, `query($id: ID!) { referral(id: $id) { id } }`, map[string]any{"id": ref.ID}), "UNAUTHENTICATED")
	wantCodes(t, "PARTNER lists SENT", e.do(access.RolePartner, `{ referrals(filter: {direction: SENT}) { totalCount } }`, nil), "FORBIDDEN")
	var inbox struct {
		Referrals struct {
			TotalCount int
			Edges      []struct{ Node struct{ ID, Status string } }
		}
	}
	e.ok(access.RolePartner, `{ referrals(filter: {status: [SENT]}, first: 50) { totalCount edges { node { id status } } } }`, nil, &inbox)
	if !slices.ContainsFunc(inbox.Referrals.Edges, func(x struct{ Node struct{ ID, Status string } }) bool { return x.Node.ID == ref.ID }) {
		t.Errorf("the referral is not in the provider's inbox: %+v", inbox)
	}
	var outbox struct{ Referrals struct{ TotalCount int } }
	e.ok(access.RoleCaseManager, `query($o: ID) { referrals(filter: {direction: SENT, offerId: $o}) { totalCount } }`, map[string]any{"o": in["offerId"]}, &outbox)
	if outbox.Referrals.TotalCount < 1 {
		t.Errorf("the sender's outbox misses the referral: %+v", outbox)
	}

	// Status refusals: the sender cannot answer, the graph refuses skips, and nothing changes.
	before = e.footprint()
	wantCodes(t, "the sender accepts", e.setStatus(access.RoleCaseManager, ref.ID, "ACCEPTED", nil), "FORBIDDEN")
	wantCodes(t, "steering sets a status", e.setStatus(access.RoleSteering, ref.ID, "ACCEPTED", nil), "FORBIDDEN")
	wantCodes(t, "admin sets a status", e.setStatus(access.RoleAdmin, ref.ID, "ACCEPTED", nil), "FORBIDDEN")
	wantCodes(t, "anonymous sets a status", e.setStatus(access.RolePublic, ref.ID, "ACCEPTED", nil), "UNAUTHENTICATED")
	wantCodes(t, "SENT → COMPLETED", e.setStatus(access.RolePartner, ref.ID, "COMPLETED", nil), "CONFLICT status")
	wantCodes(t, "decline without reason", e.setStatus(access.RolePartner, ref.ID, "DECLINED", nil), "BAD_USER_INPUT reason")
	wantCodes(t, "NO_SHOW before acceptance", e.setStatus(access.RoleCaseManager, ref.ID, "CANCELLED", map[string]any{"r": "NO_SHOW"}), "BAD_USER_INPUT reason")
	wantCodes(t, "noAlternative with ACCEPTED", e.setStatus(access.RolePartner, ref.ID, "ACCEPTED", map[string]any{"na": true}), "BAD_USER_INPUT noAlternative")
	wantCodes(t, "PARTNER withdraws consent", e.do(access.RolePartner, `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, map[string]any{"id": ref.ID}), "FORBIDDEN")
	wantCodes(t, "unknown referral", e.setStatus(access.RolePartner, "ref-nowhere", "ACCEPTED", nil), "NOT_FOUND id")
	if after := e.footprint(); after != before {
		t.Errorf("refused status changes changed the store: %+v → %+v", before, after)
	}
	if now := e.referral(access.RolePartner, ref.ID); now.Status != "SENT" || len(now.History) != 1 {
		t.Errorf("refusals changed the referral: %+v", now)
	}

	// The provider waitlists, then accepts, then completes.
	for _, step := range []string{"WAITLISTED", "ACCEPTED", "COMPLETED"} {
		if r := e.setStatus(access.RolePartner, ref.ID, step, nil); len(r.Errors) > 0 {
			t.Fatalf("%s: %v", step, r.Errors)
		}
	}
	done := e.referral(access.RoleCaseManager, ref.ID)
	var trail []string
	for _, h := range done.History {
		trail = append(trail, h.Status+"/"+h.Role)
	}
	if !slices.Equal(trail, []string{"SENT/CASE_MANAGER", "WAITLISTED/PARTNER", "ACCEPTED/PARTNER", "COMPLETED/PARTNER"}) ||
		len(done.NextStatuses) != 0 || done.History[1].Organisation == nil || done.History[1].Organisation.ID != partnerOrg(e.snap) {
		t.Errorf("history: %v, next %v", trail, done.NextStatuses)
	}
	r := e.setStatus(access.RoleCaseManager, ref.ID, "CANCELLED", nil)
	wantCodes(t, "cancel a completed referral", r, "CONFLICT status")
	if len(r.Errors) > 0 && !strings.Contains(r.Errors[0].Message, "COMPLETED") {
		t.Errorf("the conflict does not name the status: %s", r.Errors[0].Message)
	}

	// Withdrawal of consent: cancelled, case reference and note erased at once.
	var second struct{ CreateReferral referralOut }
	e.ok(access.RoleCaseManager, create, map[string]any{"in": e.referralInput(2)}, &second)
	var w struct{ WithdrawConsent referralOut }
	e.ok(access.RoleCaseManager, `mutation($id: ID!) { withdrawConsent(id: $id) { `+referralFields+` } }`, map[string]any{"id": second.CreateReferral.ID}, &w)
	if w.WithdrawConsent.Status != "CANCELLED" || w.WithdrawConsent.CaseRef != nil || w.WithdrawConsent.Note != nil ||
		w.WithdrawConsent.Reason == nil || *w.WithdrawConsent.Reason != "CONSENT_WITHDRAWN" || w.WithdrawConsent.Consent.WithdrawnAt == nil {
		t.Errorf("withdrawn: %+v", w.WithdrawConsent)
	}
	if seen := e.referral(access.RolePartner, second.CreateReferral.ID); seen == nil || seen.CaseRef != nil || seen.Note != nil {
		t.Errorf("the provider still sees the erased part: %+v", seen)
	}
	wantCodes(t, "withdraw twice", e.do(access.RoleCaseManager, `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
		map[string]any{"id": second.CreateReferral.ID}), "CONFLICT id")

	// A decline with no alternative records the needs as unmet, in one step.
	countUnmet := func() int {
		var u struct{ UnmetNeedCounts []struct{ Count *int } }
		e.ok(access.RoleCaseManager, `{ unmetNeedCounts { count } }`, nil, &u)
		n := 0
		for _, c := range u.UnmetNeedCounts {
			n += *c.Count
		}
		return n
	}
	unmet := countUnmet()
	var third struct{ CreateReferral referralOut }
	e.ok(access.RoleCaseManager, create, map[string]any{"in": e.referralInput(3)}, &third)
	if r := e.setStatus(access.RolePartner, third.CreateReferral.ID, "DECLINED", map[string]any{"r": "NO_CAPACITY", "na": true}); len(r.Errors) > 0 {
		t.Fatalf("decline with noAlternative: %v", r.Errors)
	}
	if n := countUnmet(); n != unmet+1 {
		t.Errorf("unmet needs after a decline without alternative: %d, want %d", n, unmet+1)
	}

	// Steering reads the statistics: small counts suppressed; case management sees them.
	stats := `query($g: ReferralGroupBy) { referralStats(groupBy: $g) { total { sent declined suppressed }
	  groups { key provider { id } tally { sent completed cancelled suppressed declinedByReason { reason count } } } } }`
	type statsOut struct {
		ReferralStats struct {
			Total struct {
				Sent, Declined *int
				Suppressed     bool
			}
			Groups []struct {
				Key      string
				Provider *struct{ ID string }
				Tally    struct {
					Sent, Completed, Cancelled *int
					Suppressed                 bool
				}
			}
		}
	}
	var cm, st statsOut
	e.ok(access.RoleCaseManager, stats, map[string]any{"g": "PROVIDER"}, &cm)
	e.ok(access.RoleSteering, stats, map[string]any{"g": "PROVIDER"}, &st)
	wantCodes(t, "PARTNER reads stats", e.do(access.RolePartner, stats, nil), "FORBIDDEN")
	wantCodes(t, "PUBLIC reads stats", e.do(access.RolePublic, stats, nil), "UNAUTHENTICATED")
	find := func(s statsOut) (int, bool, bool) {
		for _, g := range s.ReferralStats.Groups {
			if g.Key == partnerOrg(e.snap) {
				if g.Provider == nil || g.Provider.ID != g.Key {
					t.Errorf("group %s without its provider", g.Key)
				}
				n := -1
				if g.Tally.Completed != nil {
					n = *g.Tally.Completed
				}
				return n, g.Tally.Suppressed, true
			}
		}
		return 0, false, false
	}
	cmCompleted, cmSupp, ok := find(cm)
	if !ok || cmCompleted < 1 || cmSupp {
		t.Errorf("case management's stats of the provider: completed %d, suppressed %v, found %v", cmCompleted, cmSupp, ok)
	}
	stCompleted, stSupp, ok := find(st)
	if !ok || (cmCompleted < 5 && (stCompleted != -1 || !stSupp)) {
		t.Errorf("steering's stats of the provider: completed %d (case management %d), suppressed %v", stCompleted, cmCompleted, stSupp)
	}
	wantCodes(t, "bad dates", e.do(access.RoleSteering, `{ referralStats(since: "gestern") { total { sent } } }`, nil), "BAD_USER_INPUT since")
}

// The demo's referrals reach steering: the always-full course's NO_CAPACITY
// declines are ALWAYS_FULL evidence, and the network report sets referral
// flows beside the cooperations with both mismatch lists.
func TestReferralEvidenceInSteeringReports(t *testing.T) {
	e := newEnv(t)
	refs, ten := demo.DemoReferrals(e.snap)
	declines := 0
	for _, r := range refs {
		if r.OfferID == ten.AlwaysFullCourse && r.Reason == referral.ReasonNoCapacity {
			declines++
		}
	}
	var gr struct {
		GapReport struct {
			StructuralGaps []struct {
				Kind, Detail string
				Offer        *struct{ ID string }
			}
		}
	}
	e.ok(access.RoleSteering, `{ gapReport(municipality: "Solingen") { structuralGaps { kind detail offer { id } } } }`, nil, &gr)
	found := false
	for _, g := range gr.GapReport.StructuralGaps {
		if g.Kind == "ALWAYS_FULL" && g.Offer != nil && g.Offer.ID == ten.AlwaysFullCourse {
			found = true
			if want := fmt.Sprintf("%d Vermittlungen in den letzten 12 Monaten wegen fehlender Kapazität abgelehnt", declines); !strings.Contains(g.Detail, want) {
				t.Errorf("ALWAYS_FULL detail %q lacks %q", g.Detail, want)
			}
		}
	}
	if !found {
		t.Errorf("the always-full course %s is not ALWAYS_FULL", ten.AlwaysFullCourse)
	}

	q := `{ networkReport(municipality: "Solingen") {
	  referralFlows { from { id } to { id } referrals suppressed cooperation }
	  cooperationsWithoutReferrals { a { id name } b { id } }
	  referralsWithoutCooperation { from { id } to { id } referrals cooperation } } }`
	type flow struct {
		From, To    struct{ ID string }
		Referrals   *int
		Suppressed  bool
		Cooperation bool
	}
	var st, cm struct {
		NetworkReport struct {
			ReferralFlows                []flow
			CooperationsWithoutReferrals []struct{ A, B struct{ ID, Name string } }
			ReferralsWithoutCooperation  []flow
		}
	}
	e.ok(access.RoleSteering, q, nil, &st)
	e.ok(access.RoleCaseManager, q, nil, &cm)
	rep := st.NetworkReport
	if len(rep.ReferralFlows) == 0 || len(rep.ReferralsWithoutCooperation) == 0 {
		t.Fatalf("no referral flows or mismatches: %+v", rep)
	}
	paper := false
	for _, c := range rep.CooperationsWithoutReferrals {
		if (c.A.ID == ten.PaperCooperation[0] && c.B.ID == ten.PaperCooperation[1]) || (c.A.ID == ten.PaperCooperation[1] && c.B.ID == ten.PaperCooperation[0]) {
			paper = true
		}
		if c.A.Name == "" {
			t.Errorf("cooperation without its organisation's name: %+v", c)
		}
	}
	if !paper {
		t.Errorf("the cooperation on paper %v is not among the cooperations without referrals", ten.PaperCooperation)
	}
	small := 0
	for _, f := range rep.ReferralFlows {
		if f.Referrals != nil && *f.Referrals < 5 {
			t.Errorf("steering sees a flow of %d", *f.Referrals)
		}
		if f.Suppressed {
			small++
		}
	}
	for _, f := range rep.ReferralsWithoutCooperation {
		if f.Cooperation {
			t.Errorf("a flow with a cooperation among the mismatches: %+v", f)
		}
	}
	shown := 0
	for _, f := range cm.NetworkReport.ReferralFlows {
		if f.Referrals != nil && !f.Suppressed {
			shown++
		}
	}
	if small == 0 || shown != len(cm.NetworkReport.ReferralFlows) {
		t.Errorf("suppression: steering %d suppressed flows, case management sees %d of %d", small, shown, len(cm.NetworkReport.ReferralFlows))
	}
}
