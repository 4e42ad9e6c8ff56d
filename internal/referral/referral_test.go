package referral

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
)

func problems(err error) map[string]string {
	out := map[string]string{}
	var ve *directory.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			out[p.Field] = p.Message
		}
	}
	return out
}

func TestCaseRef(t *testing.T) {
	for _, ok := range []string{"KM-2025-0042", "SG/CM/4711", "JC.17.233", "A1B2", "WU_KIM_12", "123456"} {
		p := directory.NewProblems()
		CheckCaseRef(p, "caseRef", ok)
		if p.Err() != nil {
			t.Errorf("%q refused: %v", ok, p.Err())
		}
	}
	for ref, want := range map[string]string{
		"":                                   "must not be empty",
		"anna@example.org":                   "e-mail",
		"0212 1234567":                       "phone",
		"+49 212 123456":                     "phone",
		"02121234567":                        "phone",
		"0212-123-4567":                      "phone",
		"Mustermann":                         "name",
		"Ayşe Yılmaz":                        "name",
		"MUSTERMANN-1":                       "name",
		"ali":                                "name",
		"km-2025-1":                          "upper case",
		"A1":                                 "4 to 32",
		"KM-2025-0042-0042-0042-0042-0042-9": "4 to 32",
		"KM--":                               "begin and end",
		"KMKM":                               "digit",
	} {
		p := directory.NewProblems()
		CheckCaseRef(p, "caseRef", ref)
		got := problems(p.Err())["caseRef"]
		if !strings.Contains(got, want) {
			t.Errorf("%q: %q, want a message with %q", ref, got, want)
		}
	}
}

func TestNote(t *testing.T) {
	for _, ok := range []string{"", "Braucht Kinderbetreuung, Termin am 12.03.2026 um 9:30 Uhr", "Kurs ab 2026-04-01, Modul 3 von 6"} {
		p := directory.NewProblems()
		CheckNote(p, "note", ok)
		if p.Err() != nil {
			t.Errorf("%q refused: %v", ok, p.Err())
		}
	}
	for note, want := range map[string]string{
		"bitte an anna@example.org":      "e-mail",
		"Rückruf unter 0212 / 123 45 67": "phone",
		"Handy +49 170 1234567":          "phone",
		strings.Repeat("ä", 501):         "at most 500",
	} {
		p := directory.NewProblems()
		CheckNote(p, "note", note)
		if got := problems(p.Err())["note"]; !strings.Contains(got, want) {
			t.Errorf("%.40q: %q, want %q", note, got, want)
		}
	}
	p := directory.NewProblems()
	CheckNote(p, "note", strings.Repeat("ä", 500))
	if p.Err() != nil {
		t.Errorf("500 characters refused: %v", p.Err())
	}
}

func validDraft() Draft {
	return Draft{CaseRef: "KM-2026-0001", OfferID: "off-1", Needs: []directory.NeedArea{directory.NeedLanguage},
		Note: "Kinderbetreuung nötig", Consent: &Consent{GivenOn: "2026-03-01", Form: ConsentWritten,
			Shares: []Share{ShareNeeds, ShareNote}, ValidUntil: "2026-09-01"}}
}

func TestDraft(t *testing.T) {
	if err := validDraft().Validate("2026-03-02"); err != nil {
		t.Fatalf("valid draft: %v", err)
	}
	for name, c := range map[string]struct {
		edit  func(*Draft)
		field string
	}{
		"no consent":       {func(d *Draft) { d.Consent = nil }, "consent"},
		"bad form":         {func(d *Draft) { d.Consent.Form = "ORAL" }, "consent.form"},
		"expired":          {func(d *Draft) { d.Consent.ValidUntil = "2026-03-01"; d.Consent.GivenOn = "2026-02-01" }, "consent.validUntil"},
		"future consent":   {func(d *Draft) { d.Consent.GivenOn = "2026-04-01" }, "consent.givenOn"},
		"needs not shared": {func(d *Draft) { d.Consent.Shares = []Share{ShareNote} }, "consent.shares"},
		"note not shared":  {func(d *Draft) { d.Consent.Shares = []Share{ShareNeeds} }, "note"},
		"no needs":         {func(d *Draft) { d.Needs = nil }, "needs"},
		"twice":            {func(d *Draft) { d.Needs = []directory.NeedArea{"WORK", "WORK"} }, "needs[1]"},
		"no offer":         {func(d *Draft) { d.OfferID = "" }, "offerId"},
	} {
		d := validDraft()
		cons := *d.Consent
		d.Consent = &cons
		c.edit(&d)
		got := problems(d.Validate("2026-03-02"))
		if _, ok := got[c.field]; !ok {
			t.Errorf("%s: problems %v, want one on %s", name, got, c.field)
		}
	}
}

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func sent() Referral {
	return New("ref-1", validDraft(), directory.Offer{ID: "off-1", ProviderID: "org-p", Category: directory.CategoryLanguageCourse},
		"Solingen", "org-s", access.RoleCaseManager, t0)
}

func change(to Status, reason Reason, side Side, hours int) Change {
	return Change{To: to, Reason: reason, Side: side, At: t0.Add(time.Duration(hours) * time.Hour), Role: access.RolePartner, OrganisationID: "org-p"}
}

func TestGraphAllowsExactlyTheIssuesTransitions(t *testing.T) {
	allowed := map[[3]string]bool{}
	for _, a := range [][3]string{
		{"SENT", "ACCEPTED", "RECEIVER"}, {"SENT", "WAITLISTED", "RECEIVER"}, {"SENT", "DECLINED", "RECEIVER"},
		{"WAITLISTED", "ACCEPTED", "RECEIVER"}, {"WAITLISTED", "DECLINED", "RECEIVER"},
		{"ACCEPTED", "COMPLETED", "RECEIVER"}, {"ACCEPTED", "CANCELLED", "RECEIVER"}, {"ACCEPTED", "CANCELLED", "SENDER"},
		{"SENT", "CANCELLED", "SENDER"}, {"WAITLISTED", "CANCELLED", "SENDER"},
	} {
		allowed[a] = true
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			for _, side := range []Side{Sender, Receiver} {
				r := sent()
				r.Status = from
				r.History[0].Status = from
				reason := Reason("")
				if to == StatusDeclined {
					reason = ReasonNoCapacity
				}
				got, err := Apply(r, change(to, reason, side, 1))
				want := allowed[[3]string{string(from), string(to), string(side)}]
				var te *TransitionError
				switch {
				case want && err != nil:
					t.Errorf("%s→%s by %s refused: %v", from, to, side, err)
				case want && (got.Status != to || len(got.History) != 2 || got.History[1].Reason != reason):
					t.Errorf("%s→%s by %s: %+v", from, to, side, got)
				case !want && !errors.As(err, &te):
					t.Errorf("%s→%s by %s: err %v, want a TransitionError", from, to, side, err)
				case !want && !strings.Contains(err.Error(), string(from)):
					t.Errorf("%s→%s: message %q does not name the status", from, to, err)
				}
			}
		}
	}
}

func TestReasons(t *testing.T) {
	r := sent()
	if _, err := Apply(r, change(StatusDeclined, "", Receiver, 1)); problems(err)["reason"] == "" {
		t.Errorf("decline without reason: %v", err)
	}
	if _, err := Apply(r, change(StatusDeclined, ReasonNoShow, Receiver, 1)); problems(err)["reason"] == "" {
		t.Errorf("decline with NO_SHOW: %v", err)
	}
	if _, err := Apply(r, change(StatusCancelled, ReasonNoShow, Sender, 1)); problems(err)["reason"] == "" {
		t.Errorf("NO_SHOW before acceptance: %v", err)
	}
	if _, err := Apply(r, change(StatusAccepted, ReasonOther, Receiver, 1)); problems(err)["reason"] == "" {
		t.Errorf("accept with a reason: %v", err)
	}
	a, err := Apply(r, change(StatusAccepted, "", Receiver, 2))
	if err != nil {
		t.Fatal(err)
	}
	c, err := Apply(a, change(StatusCancelled, ReasonNoShow, Receiver, 30))
	if err != nil {
		t.Fatalf("NO_SHOW after acceptance: %v", err)
	}
	if c.ClosedAt == nil || !c.ClosedAt.Equal(t0.Add(30*time.Hour)) || c.FirstAnswerAt == nil || !c.FirstAnswerAt.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("times: closed %v, first answer %v", c.ClosedAt, c.FirstAnswerAt)
	}
}

func TestWithdrawAndRetention(t *testing.T) {
	r := sent()
	w, ok := Withdraw(r, change("", "", Sender, 3))
	if !ok || w.Status != StatusCancelled || w.Reason != ReasonConsentWithdrawn || w.CaseRef != "" || w.Note != "" || w.ErasedAt == nil || w.Consent.WithdrawnAt == nil {
		t.Errorf("withdrawn: %+v", w)
	}
	if _, ok := Withdraw(w, change("", "", Sender, 4)); ok {
		t.Error("withdrawing twice changed the referral")
	}
	if err := w.Validate(); err != nil {
		t.Errorf("a withdrawn referral does not validate: %v", err)
	}
	closed, _ := Apply(r, change(StatusDeclined, ReasonNoCapacity, Receiver, 1))
	if Due(closed, closed.ClosedAt.AddDate(0, 0, 179), 180) || !Due(closed, closed.ClosedAt.AddDate(0, 0, 180), 180) || Due(r, t0.AddDate(5, 0, 0), 180) {
		t.Error("Due: wrong retention boundary")
	}
}
