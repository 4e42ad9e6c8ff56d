package directory

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold turns text into the form both stores search in: lower case, German
// umlauts and other diacritics reduced to their base letter, ß as "ss",
// everything that is not a letter or digit as a single space. "Mütter-Café"
// becomes "mutter cafe", so a user typing "mutter" finds it.
func Fold(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("ß", "ss", "ı", "i", "ø", "o", "æ", "ae", "œ", "oe", "ł", "l", "đ", "d").Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	if r, _, err := transform.String(t, s); err == nil {
		s = r
	}
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// SearchTerms splits a user's search text into folded words; an offer matches
// when each word occurs somewhere in its folded title or description.
func SearchTerms(text string) []string {
	return strings.Fields(Fold(text))
}
