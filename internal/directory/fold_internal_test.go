package directory

import "testing"

// The ASCII path folds exactly as the Unicode path does.
func TestFoldASCIIAgreesWithUnicode(t *testing.T) {
	for _, s := range []string{"", "  ", "Deutsch-Kurs (B1) für", "Deutsch-Kurs (B1)", "A1/A2 -- Kurs!!", "x\t\ny", "ZZ top 99", "~`!@#$%^&*()_+={}[]|\\:;\"'<>,.?/", "\x00\x01\x7f"} {
		if !isASCII(s) {
			continue
		}
		if got, want := foldASCII(s), foldUnicode(s); got != want {
			t.Errorf("foldASCII(%q) = %q, foldUnicode gives %q", s, got, want)
		}
	}
	for c := 0; c < 0x80; c++ {
		s := "a" + string(rune(c)) + "B"
		if got, want := foldASCII(s), foldUnicode(s); got != want {
			t.Errorf("foldASCII(%q) = %q, foldUnicode gives %q", s, got, want)
		}
	}
}
