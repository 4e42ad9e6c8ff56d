package storetest

// Conformance tests of store.Referrals. Orders the suite pins:
//   - Referrals: created at descending, then id descending.
//   - ReferralCounts: key, status, reason, answer days.

import (
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/store"
)

func referralTests() []Test {
	return []Test{
		{"ReferralCreateAndRead", testReferralCreateAndRead},
		{"ReferralCreateRefused", testReferralCreateRefused},
		{"ReferralUpdate", testReferralUpdate},
		{"ReferralList", testReferralList},
		{"ReferralCounts", testReferralCounts},
		{"ReferralErase", testReferralErase},
		{"ReferralPut", testReferralPut},
		{"ReferralConcurrentUpdates", testReferralConcurrentUpdates},
	}
}

var refT0 = time.Date(2026, 3, 2, 9, 15, 0, 123456789, time.UTC)

// refSent is a referral from org-awo (Solingen) to the offer, sent hours after refT0.
func refSent(id, offerID, provider, district, municipality string, hours int, needs ...directory.NeedArea) referral.Referral {
	at := refT0.Add(time.Duration(hours) * time.Hour)
	if len(needs) == 0 {
		needs = []directory.NeedArea{directory.NeedLanguage}
	}
	return referral.Referral{
		ID: id, CaseRef: "KM-2026-" + id, FromOrganisationID: "org-awo", OfferID: offerID, ToOrganisationID: provider,
		DistrictID: district, Municipality: municipality, Category: directory.CategoryIntegrationCourse,
		Needs: needs, Note: "Bitte Rückmeldung an die Beratungsstelle",
		Consent: referral.Consent{GivenOn: "2026-03-01", Form: referral.ConsentWritten,
			Shares: []referral.Share{referral.ShareNeeds, referral.ShareNote}, ValidUntil: "2026-12-31"},
		Status: referral.StatusSent, CreatedAt: at, UpdatedAt: at,
		History: []referral.Event{{Status: referral.StatusSent, At: at, Role: access.RoleCaseManager, OrganisationID: "org-awo"}},
	}
}

// refMove applies a change made hours after refT0, as the provider.
func refMove(t *testing.T, r referral.Referral, to referral.Status, reason referral.Reason, hours int) referral.Referral {
	t.Helper()
	side := referral.Receiver
	if to == referral.StatusCancelled && r.Status != referral.StatusAccepted {
		side = referral.Sender
	}
	out, err := referral.Apply(r, referral.Change{To: to, Reason: reason, Side: side, At: refT0.Add(time.Duration(hours) * time.Hour),
		Role: access.RolePartner, OrganisationID: r.ToOrganisationID})
	if err != nil {
		t.Fatalf("%s → %s: %v", r.Status, to, err)
	}
	return out
}

func getReferral(t *testing.T, s store.Store, id string) (referral.Referral, bool) {
	t.Helper()
	got, err := s.ReferralsByID(t.Context(), []string{id})
	if err != nil {
		t.Fatalf("ReferralsByID(%s): %v", id, err)
	}
	if len(got) != 1 {
		return referral.Referral{}, false
	}
	return got[0], true
}

func sameReferral(t *testing.T, what string, got, want referral.Referral) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %s\nwant %s", what, dump(got), dump(want))
	}
}

func createReferrals(t *testing.T, s store.Store, rs ...referral.Referral) {
	t.Helper()
	for _, r := range rs {
		if err := s.CreateReferral(t.Context(), r); err != nil {
			t.Fatalf("CreateReferral(%s): %v", r.ID, err)
		}
	}
}

func testReferralCreateAndRead(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	r := refSent("ref-1", offKurs, "org-vhs", "sg-mitte", "Solingen", 0, directory.NeedLanguage, directory.NeedFamilyChildcare)
	createReferrals(t, s, r)
	got, ok := getReferral(t, s, "ref-1")
	if !ok {
		t.Fatal("created referral not found")
	}
	sameReferral(t, "read back", got, r)
	if list, err := s.ReferralsByID(t.Context(), []string{"ref-1", "ref-nowhere", "ref-1"}); err != nil || len(list) != 1 {
		t.Errorf("ReferralsByID with an unknown id: %d, %v", len(list), err)
	}
	if list, err := s.ReferralsByID(t.Context(), nil); err != nil || len(list) != 0 {
		t.Errorf("ReferralsByID(nil): %v, %v", list, err)
	}
	// The referral outlives its offer, and keeps what it recorded of it.
	if err := s.DeleteOffer(t.Context(), offKurs); err != nil {
		t.Fatalf("DeleteOffer: %v", err)
	}
	got, ok = getReferral(t, s, "ref-1")
	if !ok {
		t.Fatal("the referral went with its offer")
	}
	sameReferral(t, "after the offer was deleted", got, r)
}

func testReferralCreateRefused(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	createReferrals(t, s, refSent("ref-1", offKurs, "org-vhs", "sg-mitte", "Solingen", 0))
	wantConflict(t, "taken id", s.CreateReferral(t.Context(), refSent("ref-1", offJMD, "org-jmd", "wt-barmen", "Wuppertal", 1)), "id")
	wantNotFound(t, "unknown offer", s.CreateReferral(t.Context(), refSent("ref-2", "off-nowhere", "org-vhs", "", "", 1)), "offerId")
	bad := refSent("ref-3", offKurs, "org-vhs", "sg-mitte", "Solingen", 1)
	bad.FromOrganisationID = "org-nowhere"
	wantNotFound(t, "unknown sender", s.CreateReferral(t.Context(), bad), "fromOrganisationId")
	invalid := refSent("ref-4", offKurs, "org-vhs", "sg-mitte", "Solingen", 1)
	invalid.Status = "LOST"
	var ve *directory.ValidationError
	if err := s.CreateReferral(t.Context(), invalid); !errors.As(err, &ve) {
		t.Errorf("an invalid referral: %v, want a ValidationError", err)
	}
	page, err := s.Referrals(t.Context(), store.ReferralFilter{}, store.Page{First: 10})
	if err != nil || page.TotalCount != 1 {
		t.Errorf("refused creations stored something: %d, %v", page.TotalCount, err)
	}
	if ref, _ := getReferral(t, s, "ref-1"); ref.OfferID != offKurs {
		t.Errorf("a refused creation changed ref-1: %+v", ref)
	}
}

func testReferralUpdate(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	r := refSent("ref-1", offKurs, "org-vhs", "sg-mitte", "Solingen", 0)
	createReferrals(t, s, r)
	entry := access.AuditEntry{ID: "aud-ref-1", At: refT0, ActorID: "tok-p", ActorName: "p", Role: access.RolePartner,
		Action: "updateReferralStatus", EntityType: "Referral", EntityID: "ref-1"}
	got, err := s.UpdateReferral(store.WithAudit(t.Context(), entry), "ref-1", func(old referral.Referral) (referral.Referral, error) {
		return refMove(t, old, referral.StatusWaitlisted, "", 30), nil
	})
	if err != nil {
		t.Fatalf("UpdateReferral: %v", err)
	}
	want := refMove(t, r, referral.StatusWaitlisted, "", 30)
	sameReferral(t, "returned", got, want)
	stored, _ := getReferral(t, s, "ref-1")
	sameReferral(t, "stored", stored, want)
	if log, err := s.AuditLog(t.Context(), store.AuditFilter{EntityID: "ref-1"}, store.Page{First: 5}); err != nil || log.TotalCount != 1 {
		t.Errorf("audit entries of the update: %+v, %v", log, err)
	}

	// An updater's error is returned as it is and stores nothing.
	boom := errors.New("boom")
	if _, err := s.UpdateReferral(t.Context(), "ref-1", func(old referral.Referral) (referral.Referral, error) {
		old.Status = referral.StatusCompleted
		return old, boom
	}); !errors.Is(err, boom) {
		t.Errorf("updater error: %v", err)
	}
	if stored, _ := getReferral(t, s, "ref-1"); stored.Status != referral.StatusWaitlisted {
		t.Errorf("a failed update changed the referral: %s", stored.Status)
	}
	_, err = s.UpdateReferral(t.Context(), "ref-nowhere", func(old referral.Referral) (referral.Referral, error) { return old, nil })
	wantNotFound(t, "unknown referral", err, "id")

	// Withdrawal erases the personal part and keeps everything else.
	got, err = s.UpdateReferral(t.Context(), "ref-1", func(old referral.Referral) (referral.Referral, error) {
		w, _ := referral.Withdraw(old, referral.Change{At: refT0.Add(40 * time.Hour), Side: referral.Sender, Role: access.RoleCaseManager, OrganisationID: "org-awo"})
		return w, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	stored, _ = getReferral(t, s, "ref-1")
	sameReferral(t, "withdrawn", stored, got)
	if stored.CaseRef != "" || stored.Note != "" || stored.Status != referral.StatusCancelled || stored.Consent.WithdrawnAt == nil {
		t.Errorf("withdrawn referral: %+v", stored)
	}
}

func testReferralList(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	a := refSent("ref-a", offKurs, "org-vhs", "sg-mitte", "Solingen", 0)
	b := refSent("ref-b", offJMD, "org-jmd", "wt-barmen", "Wuppertal", 24)
	c := refSent("ref-c", offKurs, "org-vhs", "sg-mitte", "Solingen", 48)
	d := refSent("ref-d", offSprach, "org-vhs", "wt-elberfeld", "Wuppertal", 48) // same time as c: id breaks the tie
	d.FromOrganisationID = "org-moschee"
	c = refMove(t, c, referral.StatusDeclined, referral.ReasonNoCapacity, 50)
	createReferrals(t, s, a, b, c, d)
	ids := func(f store.ReferralFilter, p store.Page) ([]string, store.ReferralPage) {
		t.Helper()
		page, err := s.Referrals(t.Context(), f, p)
		if err != nil {
			t.Fatalf("Referrals(%+v): %v", f, err)
		}
		out := []string{}
		for _, r := range page.Referrals {
			out = append(out, r.ID)
		}
		return out, page
	}
	for name, c := range map[string]struct {
		f    store.ReferralFilter
		want []string
	}{
		"all":         {store.ReferralFilter{}, []string{"ref-d", "ref-c", "ref-b", "ref-a"}},
		"inbox":       {store.ReferralFilter{ToOrganisationID: "org-vhs"}, []string{"ref-d", "ref-c", "ref-a"}},
		"outbox":      {store.ReferralFilter{FromOrganisationID: "org-awo"}, []string{"ref-c", "ref-b", "ref-a"}},
		"status":      {store.ReferralFilter{Status: []referral.Status{referral.StatusDeclined, referral.StatusAccepted}}, []string{"ref-c"}},
		"offer":       {store.ReferralFilter{OfferID: offKurs}, []string{"ref-c", "ref-a"}},
		"since":       {store.ReferralFilter{Since: "2026-03-03"}, []string{"ref-d", "ref-c", "ref-b"}},
		"until":       {store.ReferralFilter{Until: "2026-03-03"}, []string{"ref-b", "ref-a"}},
		"both ends":   {store.ReferralFilter{FromOrganisationID: "org-awo", ToOrganisationID: "org-vhs", Status: []referral.Status{referral.StatusSent}}, []string{"ref-a"}},
		"none at all": {store.ReferralFilter{ToOrganisationID: "org-ib"}, []string{}},
	} {
		got, page := ids(c.f, store.Page{First: 10})
		sameList(t, name, got, c.want)
		if page.TotalCount != len(c.want) || page.HasNextPage {
			t.Errorf("%s: totalCount %d, hasNextPage %v", name, page.TotalCount, page.HasNextPage)
		}
	}
	first, page := ids(store.ReferralFilter{}, store.Page{First: 3})
	sameList(t, "first page", first, []string{"ref-d", "ref-c", "ref-b"})
	if !page.HasNextPage || page.TotalCount != 4 {
		t.Errorf("first page: %+v", page.PageInfo)
	}
	rest, page := ids(store.ReferralFilter{}, store.Page{First: 3, After: page.Cursors[2]})
	sameList(t, "second page", rest, []string{"ref-a"})
	if page.HasNextPage || !page.HasPreviousPage {
		t.Errorf("second page: %+v", page.PageInfo)
	}
	if _, err := s.Referrals(t.Context(), store.ReferralFilter{}, store.Page{First: -1}); err == nil {
		t.Error("first: -1 accepted")
	}
}

func testReferralCounts(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	a := refSent("ref-a", offKurs, "org-vhs", "sg-mitte", "Solingen", 0, directory.NeedLanguage, directory.NeedWork)
	a = refMove(t, a, referral.StatusDeclined, referral.ReasonNoCapacity, 50) // 2 days to answer
	b := refSent("ref-b", offKurs, "org-vhs", "sg-mitte", "Solingen", 1)
	b = refMove(t, b, referral.StatusDeclined, referral.ReasonNoCapacity, 3) // 0 days
	c := refSent("ref-c", offSpiel, "org-moschee", "sg-ohligs", "Solingen", 2, directory.NeedFamilyChildcare)
	c = refMove(t, refMove(t, c, referral.StatusAccepted, "", 5), referral.StatusCompleted, "", 300)
	d := refSent("ref-d", offJMD, "org-jmd", "wt-barmen", "Wuppertal", 3, directory.NeedWork)
	e := refSent("ref-e", offKurs, "org-vhs", "sg-mitte", "Solingen", 24*40) // outside the window
	createReferrals(t, s, a, b, c, d, e)
	count := func(q store.ReferralCountQuery) []store.ReferralCount {
		t.Helper()
		got, err := s.ReferralCounts(t.Context(), q)
		if err != nil {
			t.Fatalf("ReferralCounts(%+v): %v", q, err)
		}
		return got
	}
	type rc = store.ReferralCount
	const (
		sent, declined, completed = referral.StatusSent, referral.StatusDeclined, referral.StatusCompleted
		noCap                     = referral.ReasonNoCapacity
	)
	for name, c := range map[string]struct {
		q    store.ReferralCountQuery
		want []rc
	}{
		"offer": {store.ReferralCountQuery{Municipality: "Solingen", Until: "2026-03-31", GroupBy: store.GroupOffer},
			[]rc{{Key: offKurs, Status: declined, Reason: noCap, AnswerDays: 0, Count: 1}, {Key: offKurs, Status: declined, Reason: noCap, AnswerDays: 2, Count: 1}, {Key: offSpiel, Status: completed, Reason: "", AnswerDays: 0, Count: 1}}},
		"need, everywhere": {store.ReferralCountQuery{Until: "2026-03-31", GroupBy: store.GroupNeed},
			[]rc{{Key: "FAMILY_CHILDCARE", Status: completed, Reason: "", AnswerDays: 0, Count: 1}, {Key: "LANGUAGE", Status: declined, Reason: noCap, AnswerDays: 0, Count: 1}, {Key: "LANGUAGE", Status: declined, Reason: noCap, AnswerDays: 2, Count: 1},
				{Key: "WORK", Status: declined, Reason: noCap, AnswerDays: 2, Count: 1}, {Key: "WORK", Status: sent, Reason: "", AnswerDays: -1, Count: 1}}},
		"provider": {store.ReferralCountQuery{Until: "2026-03-31", GroupBy: store.GroupProvider},
			[]rc{{Key: "org-jmd", Status: sent, Reason: "", AnswerDays: -1, Count: 1}, {Key: "org-moschee", Status: completed, Reason: "", AnswerDays: 0, Count: 1}, {Key: "org-vhs", Status: declined, Reason: noCap, AnswerDays: 0, Count: 1}, {Key: "org-vhs", Status: declined, Reason: noCap, AnswerDays: 2, Count: 1}}},
		"district": {store.ReferralCountQuery{Municipality: "Wuppertal", GroupBy: store.GroupDistrict},
			[]rc{{Key: "wt-barmen", Status: sent, Reason: "", AnswerDays: -1, Count: 1}}},
		"category, since": {store.ReferralCountQuery{Since: "2026-04-01", GroupBy: store.GroupCategory},
			[]rc{{Key: "INTEGRATION_COURSE", Status: sent, Reason: "", AnswerDays: -1, Count: 1}}},
		"flow, no capacity": {store.ReferralCountQuery{GroupBy: store.GroupFlow, Reasons: []referral.Reason{noCap}},
			[]rc{{Key: "org-awo|org-vhs", Status: declined, Reason: noCap, AnswerDays: 0, Count: 1}, {Key: "org-awo|org-vhs", Status: declined, Reason: noCap, AnswerDays: 2, Count: 1}}},
		"nothing": {store.ReferralCountQuery{Municipality: "Köln", GroupBy: store.GroupOffer}, []rc{}},
	} {
		got := count(c.q)
		if len(got) != 0 || len(c.want) != 0 {
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s:\n got %+v\nwant %+v", name, got, c.want)
			}
		}
	}
}

func testReferralErase(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	old := refMove(t, refSent("ref-old", offKurs, "org-vhs", "sg-mitte", "Solingen", 0), referral.StatusDeclined, referral.ReasonNotEligible, 10)
	recent := refMove(t, refSent("ref-new", offKurs, "org-vhs", "sg-mitte", "Solingen", 1), referral.StatusDeclined, referral.ReasonNoCapacity, 500)
	open := refSent("ref-open", offKurs, "org-vhs", "sg-mitte", "Solingen", 2)
	createReferrals(t, s, old, recent, open)
	before, err := s.ReferralCounts(t.Context(), store.ReferralCountQuery{GroupBy: store.GroupOffer})
	if err != nil {
		t.Fatal(err)
	}
	at := refT0.Add(600 * time.Hour)
	n, err := s.EraseReferrals(t.Context(), refT0.Add(10*time.Hour), at)
	if err != nil || n != 1 {
		t.Fatalf("EraseReferrals: %d, %v; want 1", n, err)
	}
	got, _ := getReferral(t, s, "ref-old")
	want := referral.Erase(old, at)
	sameReferral(t, "erased", got, want)
	for _, id := range []string{"ref-new", "ref-open"} {
		if r, _ := getReferral(t, s, id); r.CaseRef == "" || r.ErasedAt != nil {
			t.Errorf("%s was erased: %+v", id, r)
		}
	}
	if n, err := s.EraseReferrals(t.Context(), refT0.Add(10*time.Hour), at); err != nil || n != 0 {
		t.Errorf("erasing again: %d, %v", n, err)
	}
	after, err := s.ReferralCounts(t.Context(), store.ReferralCountQuery{GroupBy: store.GroupOffer})
	if err != nil || !reflect.DeepEqual(before, after) {
		t.Errorf("erasure changed the statistics:\n%+v\n%+v (%v)", before, after, err)
	}
}

func testReferralPut(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	a := refSent("ref-a", offKurs, "org-vhs", "sg-mitte", "Solingen", 0)
	b := refMove(t, refSent("ref-b", offJMD, "org-jmd", "wt-barmen", "Wuppertal", 1), referral.StatusAccepted, "", 5)
	if err := s.PutReferrals(t.Context(), []referral.Referral{a, b}); err != nil {
		t.Fatalf("PutReferrals: %v", err)
	}
	for _, want := range []referral.Referral{a, b} {
		got, _ := getReferral(t, s, want.ID)
		sameReferral(t, "put "+want.ID, got, want)
	}
	// Replacing by id.
	b2 := refMove(t, b, referral.StatusCompleted, "", 50)
	if err := s.PutReferrals(t.Context(), []referral.Referral{b2}); err != nil {
		t.Fatal(err)
	}
	got, _ := getReferral(t, s, "ref-b")
	sameReferral(t, "replaced", got, b2)
	// All or none: a bad reference in the batch stores nothing of it.
	c := refSent("ref-c", offKurs, "org-vhs", "sg-mitte", "Solingen", 2)
	d := refSent("ref-d", "off-nowhere", "org-vhs", "", "", 3)
	wantNotFound(t, "unknown offer in a batch", s.PutReferrals(t.Context(), []referral.Referral{c, d}), "[1].offerId")
	if _, ok := getReferral(t, s, "ref-c"); ok {
		t.Error("a refused batch stored its first referral")
	}
	var ve *directory.ValidationError
	if err := s.PutReferrals(t.Context(), []referral.Referral{c, c}); !errors.As(err, &ve) || ve.Problems[0].Field != "[1].id" {
		t.Errorf("an id twice: %v", err)
	}
	if err := s.PutReferrals(t.Context(), nil); err != nil {
		t.Errorf("an empty batch: %v", err)
	}
}

// Two providers' answers race: UpdateReferral runs each updater on what is
// stored when its transaction runs, so exactly one of them wins and the
// other sees the winner's status.
func testReferralConcurrentUpdates(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	createReferrals(t, s, refSent("ref-1", offKurs, "org-vhs", "sg-mitte", "Solingen", 0))
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, to := range []referral.Status{referral.StatusAccepted, referral.StatusDeclined} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reason := referral.Reason("")
			if to == referral.StatusDeclined {
				reason = referral.ReasonNoCapacity
			}
			_, errs[i] = s.UpdateReferral(t.Context(), "ref-1", func(old referral.Referral) (referral.Referral, error) {
				return referral.Apply(old, referral.Change{To: to, Reason: reason, Side: referral.Receiver,
					At: refT0.Add(time.Hour), Role: access.RolePartner, OrganisationID: "org-vhs"})
			})
		}()
	}
	wg.Wait()
	var te *referral.TransitionError
	ok, refused := 0, 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case errors.As(err, &te):
			refused++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	got, _ := getReferral(t, s, "ref-1")
	if ok != 1 || refused != 1 || len(got.History) != 2 {
		t.Errorf("%d updates won, %d refused; history %+v", ok, refused, got.History)
	}
}
