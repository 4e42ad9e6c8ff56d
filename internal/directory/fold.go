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
	if isASCII(s) {
		return foldASCII(s)
	}
	return foldUnicode(s)
}

// foldLetters are the letters that lose no mark but change: built once, as
// a Replacer's setup costs more than folding an offer's text (an NRW import
// folds 180,000 texts).
var foldLetters = strings.NewReplacer("ß", "ss", "ı", "i", "ø", "o", "æ", "ae", "œ", "oe", "ł", "l", "đ", "d")

func foldUnicode(s string) string {
	s = strings.ToLower(s)
	s = foldLetters.Replace(s)
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// foldASCII is foldUnicode for text without a byte above 0x7f, where
// nothing but case and the separators changes.
func foldASCII(s string) string {
	b := make([]byte, 0, len(s))
	space := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
			space = false
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			b = append(b, c)
			space = false
		case !space:
			b = append(b, ' ')
			space = true
		}
	}
	return strings.TrimSpace(string(b))
}

// SearchTerms splits a user's search text into folded words; an offer matches
// when each word occurs somewhere in its folded title or description.
func SearchTerms(text string) []string {
	return strings.Fields(Fold(text))
}
