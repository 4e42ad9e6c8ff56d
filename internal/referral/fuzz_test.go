package referral

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lotse-kim/lotse/internal/directory"
)

// Whatever CheckCaseRef accepts holds the documented pattern: no e-mail
// sign, a digit, no run of more than CaseRefMaxLetterRun letters, and never
// a phone-like run of digits.
func FuzzCaseRef(f *testing.F) {
	for _, s := range []string{"KM-2025-0042", "anna@example.org", "+49 170 1234567", "Mustermann", "A1B2", "0212-123-4567", "ÄÖÜ-12"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		p := directory.NewProblems()
		CheckCaseRef(p, "caseRef", ref)
		if p.Err() != nil {
			return
		}
		if !CaseRefPattern.MatchString(ref) || strings.Contains(ref, "@") || digits(ref) == 0 || letterRun.MatchString(ref) {
			t.Fatalf("accepted %q", ref)
		}
		if looksLikePhone(ref) && !strings.ContainsAny(ref, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Fatalf("accepted the phone-like %q", ref)
		}
	})
}

// Whatever CheckNote accepts has no e-mail sign and at most MaxNoteLen characters.
func FuzzNote(f *testing.F) {
	for _, s := range []string{"Termin am 12.03.2026 um 9:30 Uhr", "a@b.de", "Tel 0212 1234567"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		p := directory.NewProblems()
		CheckNote(p, "note", note)
		if p.Err() == nil && (strings.Contains(note, "@") || utf8.RuneCountInString(note) > MaxNoteLen) {
			t.Fatalf("accepted %q", note)
		}
	})
}
