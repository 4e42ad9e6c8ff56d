package referral

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lotse-kim/lotse/internal/directory"
)

// The case reference (Fallkennzeichen) is a code the sending organisation
// chooses and alone can resolve to a person. So that nobody stores a name,
// an e-mail address or a phone number in it by mistake, it must match
// CaseRefPattern:
//
//   - 4 to 32 characters: upper-case letters A–Z, digits 0–9 and the
//     separators '-', '/', '.', '_';
//   - at least one digit, and no run of more than 5 letters (no name or word
//     fits), no lower-case letters, spaces or umlauts;
//   - not a phone number: a leading '+', or a reference of digits and
//     separators alone with 7 or more digits, is refused.
//
// Examples: "KM-2025-0042", "SG/CM/4711", "JC.17.233".
const (
	CaseRefMinLen = 4
	CaseRefMaxLen = 32
	// CaseRefMaxLetterRun is the longest run of letters a case reference may hold.
	CaseRefMaxLetterRun = 5
)

// CaseRefPattern is the character pattern of a case reference; CheckCaseRef
// adds the rules a regular expression cannot say plainly.
var CaseRefPattern = regexp.MustCompile(`^[A-Z0-9][A-Z0-9./_-]{2,30}[A-Z0-9]$`)

// MaxNoteLen bounds the note to the provider, in characters.
const MaxNoteLen = 500

var (
	emailRE    = regexp.MustCompile(`[^\s@]+@[^\s@]+\.[^\s@]+|@`)
	letterRun  = regexp.MustCompile(`[A-Za-zÄÖÜäöüß]{6,}`)
	phoneRunRE = regexp.MustCompile(`\+?\(?\d[\d\s/().-]*\d`)
	// Dates and times in a note are not phone numbers.
	dateRE = regexp.MustCompile(`\b\d{1,2}\.\d{1,2}\.(\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[:.]\d{2}\s?Uhr\b|\b\d{1,2}:\d{2}\b`)
)

// digits counts the digits of s.
func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// looksLikePhone reports whether s holds a run of at least 7 digits with only
// separators between them, or starts a number with '+'.
func looksLikePhone(s string) bool {
	s = dateRE.ReplaceAllString(s, " ")
	for _, m := range phoneRunRE.FindAllString(s, -1) {
		if digits(m) >= 7 || strings.HasPrefix(m, "+") && digits(m) >= 5 {
			return true
		}
	}
	return false
}

// CheckCaseRef records what is wrong with a case reference under field.
func CheckCaseRef(p directory.Problems, field, ref string) {
	switch {
	case strings.TrimSpace(ref) == "":
		p.Add(field, "must not be empty")
	case strings.Contains(ref, "@"):
		p.Add(field, "looks like an e-mail address; use the organisation's pseudonymous case code (e.g. KM-2025-0042)")
	case strings.HasPrefix(ref, "+") || looksLikePhone(ref) && !strings.ContainsAny(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"):
		p.Add(field, "looks like a phone number; use the organisation's pseudonymous case code (e.g. KM-2025-0042)")
	case letterRun.MatchString(ref) || strings.ContainsAny(ref, " ,'") || strings.ToUpper(ref) != ref && digits(ref) == 0:
		p.Add(field, "looks like a name; use the organisation's pseudonymous case code (e.g. KM-2025-0042), never the client's name")
	case utf8.RuneCountInString(ref) < CaseRefMinLen || utf8.RuneCountInString(ref) > CaseRefMaxLen:
		p.Add(field, "must be %d to %d characters", CaseRefMinLen, CaseRefMaxLen)
	case strings.ToUpper(ref) != ref:
		p.Add(field, "must be upper case: letters A–Z, digits and - / . _")
	case !CaseRefPattern.MatchString(ref):
		p.Add(field, "may only hold letters A–Z, digits and the separators - / . _, and must begin and end with a letter or digit")
	case digits(ref) == 0:
		p.Add(field, "must contain at least one digit (a case code, not a word)")
	}
}

// CheckNote records what is wrong with a note to the provider.
func CheckNote(p directory.Problems, field, note string) {
	switch {
	case utf8.RuneCountInString(note) > MaxNoteLen:
		p.Add(field, "must be at most %d characters", MaxNoteLen)
	case emailRE.MatchString(note):
		p.Add(field, "must not contain an e-mail address: the provider reaches the client through the sending organisation")
	case looksLikePhone(note):
		p.Add(field, "must not contain a phone number: the provider reaches the client through the sending organisation")
	}
}

// CheckConsent records what is wrong with a consent record given on today.
func CheckConsent(p directory.Problems, c *Consent, today string) {
	if c == nil {
		p.Add("", "is required: a referral needs the client's documented consent")
		return
	}
	p.Date("givenOn", c.GivenOn, true)
	p.Date("validUntil", c.ValidUntil, true)
	if !c.Form.Valid() {
		p.Add("form", "%q is not WRITTEN or VERBAL_DOCUMENTED", c.Form)
	}
	seen := map[Share]bool{}
	for i, s := range c.Shares {
		f := fmt.Sprintf("shares[%d]", i)
		switch {
		case !s.Valid():
			p.Add(f, "%q is not a known share", s)
		case seen[s]:
			p.Add(f, "%q is listed twice", s)
		}
		seen[s] = true
	}
	if !seen[ShareNeeds] {
		p.Add("shares", "must include NEEDS: the provider needs to know what the referral is for")
	}
	if c.GivenOn != "" && c.GivenOn > today {
		p.Add("givenOn", "must not be in the future")
	}
	if c.ValidUntil != "" && c.GivenOn != "" && c.ValidUntil < c.GivenOn {
		p.Add("validUntil", "must not be before givenOn (%s)", c.GivenOn)
	} else if c.ValidUntil != "" && c.ValidUntil < today {
		p.Add("validUntil", "the consent has expired (%s)", c.ValidUntil)
	}
}

// Draft is what a counsellor sends.
type Draft struct {
	CaseRef string
	OfferID string
	Needs   []directory.NeedArea
	Note    string
	Consent *Consent
}

// Validate checks a draft sent on today (ISO date). Problems are named by
// the fields of the createReferral input.
func (d Draft) Validate(today string) error {
	p := directory.NewProblems()
	CheckCaseRef(p, "caseRef", d.CaseRef)
	p.ID("offerId", d.OfferID, true)
	if len(d.Needs) == 0 {
		p.Add("needs", "must name at least one need area")
	}
	seen := map[directory.NeedArea]bool{}
	for i, n := range d.Needs {
		f := fmt.Sprintf("needs[%d]", i)
		switch {
		case !n.Valid():
			p.Add(f, "%q is not a need area", n)
		case seen[n]:
			p.Add(f, "%q is listed twice", n)
		}
		seen[n] = true
	}
	CheckNote(p, "note", d.Note)
	CheckConsent(p.At("consent"), d.Consent, today)
	if d.Consent != nil && d.Note != "" && !contains(d.Consent.Shares, ShareNote) {
		p.Add("note", "the consent does not include NOTE: leave the note out or record that it may be shared")
	}
	return p.Err()
}

func contains[T comparable](l []T, v T) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

// Validate checks what every store requires of a referral before storing it.
func (r Referral) Validate() error {
	p := directory.NewProblems()
	p.ID("id", r.ID, true)
	p.ID("fromOrganisationId", r.FromOrganisationID, true)
	p.ID("offerId", r.OfferID, true)
	p.ID("toOrganisationId", r.ToOrganisationID, true)
	if !r.Status.Valid() {
		p.Add("status", "%q is not a known status", r.Status)
	}
	if r.Reason != "" && !r.Reason.Valid() {
		p.Add("reason", "%q is not a known reason", r.Reason)
	}
	if len(r.History) == 0 || r.History[len(r.History)-1].Status != r.Status {
		p.Add("history", "must end with the current status %s", r.Status)
	}
	if r.CaseRef == "" && r.ErasedAt == nil {
		p.Add("caseRef", "must not be empty")
	}
	if r.CreatedAt.IsZero() {
		p.Add("createdAt", "must be set")
	}
	return p.Err()
}

// Today returns t's date in ISO form.
func Today(t time.Time) string { return t.UTC().Format(time.DateOnly) }
