package directory

import (
	"math/rand/v2"
	"testing"
)

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

// The Latin table folds exactly as the Unicode path does: every rune of
// the table between other letters and alone, and random texts of them.
func TestFoldLatinAgreesWithUnicode(t *testing.T) {
	check := func(s string) {
		t.Helper()
		got, ok := foldLatin(s)
		if !ok {
			t.Fatalf("foldLatin(%q) refused a text of its runes", s)
		}
		if want := foldUnicode(s); got != want {
			t.Fatalf("foldLatin(%q) = %q, foldUnicode gives %q", s, got, want)
		}
	}
	var all []rune
	for r := range rune(latinEnd) {
		all = append(all, r)
	}
	for r := rune(punctStart); r < punctEnd; r++ {
		all = append(all, r)
	}
	for _, r := range all {
		for _, s := range []string{string(r), "a" + string(r) + "B", string(r) + " " + string(r), "Ü" + string(r) + string(r) + "-x"} {
			check(s)
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 20_000 {
		rs := make([]rune, rnd.IntN(12))
		for i := range rs {
			rs[i] = all[rnd.IntN(len(all))]
			if rnd.IntN(3) == 0 {
				rs[i] = []rune(" äöüßÄÖÜéè-,.–„“…")[rnd.IntN(17)]
			}
		}
		check(string(rs))
	}
	for _, s := range []string{"Cafe\u0301", "한국어", "Mütter\xff", "a\u0308b"} {
		if _, ok := foldLatin(s); ok {
			t.Errorf("foldLatin(%q) took a text with a rune past its table", s)
		}
	}
	if got := Fold("Mütter-Café, Straße"); got != "mutter cafe strasse" {
		t.Errorf("Fold = %q", got)
	}
}
