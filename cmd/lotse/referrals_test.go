package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// closedReferral is a referral declined daysAgo days ago.
func closedReferral(id string, daysAgo int) referral.Referral {
	at := time.Now().UTC().AddDate(0, 0, -daysAgo-1)
	r := referral.New(id, referral.Draft{CaseRef: "KM-" + strings.ToUpper(id), Needs: []directory.NeedArea{directory.NeedLanguage},
		Note: "Rückmeldung bitte", Consent: &referral.Consent{GivenOn: at.Format(time.DateOnly), Form: referral.ConsentWritten,
			Shares: []referral.Share{referral.ShareNeeds, referral.ShareNote}, ValidUntil: "2099-01-01"}},
		directory.Offer{ID: "off-kurs", ProviderID: "org-vhs", Category: directory.CategoryLanguageCourse}, "Solingen", "org-ki", access.RoleCaseManager, at)
	if daysAgo < 0 {
		return r
	}
	r, err := referral.Apply(r, referral.Change{To: referral.StatusDeclined, Reason: referral.ReasonNoCapacity, Side: referral.Receiver,
		At: time.Now().UTC().AddDate(0, 0, -daysAgo), Role: access.RolePartner, OrganisationID: "org-vhs"})
	if err != nil {
		panic(err)
	}
	return r
}

func TestReferralsPurge(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lotse.db")
	ctx := t.Context()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []directory.Organisation{{ID: "org-ki", Name: "KI", Kind: directory.KindIntegrationCentre}, {ID: "org-vhs", Name: "VHS", Kind: directory.KindEducationProvider}} {
		if err := st.CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.CreateOffer(ctx, directory.Offer{ID: "off-kurs", ProviderID: "org-vhs", Title: "Kurs", Category: directory.CategoryLanguageCourse,
		Needs: []directory.NeedArea{directory.NeedLanguage}, Cost: directory.CostFree, Funding: directory.FundingFunded, Status: directory.StatusActive, Languages: []string{"de"}, Digital: true}); err != nil {
		t.Fatal(err)
	}
	for _, r := range []referral.Referral{closedReferral("ref-old", 200), closedReferral("ref-new", 10), closedReferral("ref-open", -1)} {
		if err := st.CreateReferral(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	erased := func() []string {
		t.Helper()
		st, err := sqlite.Open(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		list, err := st.ReferralsByID(ctx, []string{"ref-old", "ref-new", "ref-open"})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range list {
			if r.Erased() && r.CaseRef == "" && r.Note == "" {
				out = append(out, r.ID)
			}
		}
		return out
	}

	out, err := runOut(t, "referrals", "purge", "--data", db)
	if err != nil || !strings.Contains(out, "of 1 referral(s) closed more than 180 days") {
		t.Fatalf("purge with the default: %q, %v", out, err)
	}
	if got := erased(); len(got) != 1 || got[0] != "ref-old" {
		t.Errorf("erased after the default purge: %v", got)
	}
	t.Setenv("LOTSE_REFERRAL_RETENTION_DAYS", "5")
	if out, err := runOut(t, "referrals", "purge", "--data", db); err != nil || !strings.Contains(out, "of 1 referral(s) closed more than 5 days") {
		t.Fatalf("purge with the environment: %q, %v", out, err)
	}
	if got := erased(); len(got) != 2 {
		t.Errorf("erased after the 5-day purge: %v (the open referral must stay)", got)
	}
	if _, err := runOut(t, "referrals", "purge", "--data", db, "--referral-retention-days", "-3"); err == nil || !strings.Contains(err.Error(), "--referral-retention-days") {
		t.Errorf("a negative retention: %v", err)
	}
}

// The server's own schedule erases what is due without any command.
func TestServeRetentionSchedule(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "lotse.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_ = st.CreateOrganisation(ctx, directory.Organisation{ID: "org-ki", Name: "KI", Kind: directory.KindIntegrationCentre})
	_ = st.CreateOrganisation(ctx, directory.Organisation{ID: "org-vhs", Name: "VHS", Kind: directory.KindEducationProvider})
	if err := st.CreateOffer(ctx, directory.Offer{ID: "off-kurs", ProviderID: "org-vhs", Title: "Kurs", Category: directory.CategoryLanguageCourse,
		Needs: []directory.NeedArea{directory.NeedLanguage}, Cost: directory.CostFree, Funding: directory.FundingFunded,
		Status: directory.StatusActive, Languages: []string{"de"}, Digital: true}); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateReferral(ctx, closedReferral("ref-old", 30)); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { runRetention(ctx, service.New(st), 20, 10*time.Millisecond); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		list, err := st.ReferralsByID(ctx, []string{"ref-old"})
		if err == nil && len(list) == 1 && list[0].Erased() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the schedule did not erase the referral closed 30 days ago (retention 20 days)")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
}

func TestGenAndImportReferrals(t *testing.T) {
	dir := t.TempDir()
	snap, refs, db := filepath.Join(dir, "net.json"), filepath.Join(dir, "refs.json"), filepath.Join(dir, "lotse.db")
	if _, err := runOut(t, "gen", "-o", snap, "--referrals-out", refs); err != nil {
		t.Fatal(err)
	}
	if _, err := runOut(t, "import", "-q", "--data", db, "--referrals", refs, snap); err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	page, err := st.Referrals(t.Context(), store.ReferralFilter{}, store.Page{First: 1})
	if err != nil || page.TotalCount != demo.DemoReferralCount {
		t.Errorf("imported referrals: %d, %v; want %d", page.TotalCount, err, demo.DemoReferralCount)
	}
	// A broken file loads nothing of itself.
	if err := os.WriteFile(refs, []byte(`[{"id": "x"}]`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := runOut(t, "import", "-q", "--data", db, "--referrals", refs, snap); err == nil || !strings.Contains(err.Error(), "--referrals") {
		t.Errorf("a broken referrals file: %v", err)
	}
}
