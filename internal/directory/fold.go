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
	if out, ok := foldLatin(s); ok {
		return out
	}
	return foldUnicode(s)
}

// The runes foldLatin folds from its tables: Latin-1 and Latin Extended-A
// and -B, and general punctuation, currency signs and the like (dashes and
// German quotes are in most texts). No rune there combines with its
// neighbour or is a combining mark, so folding a text is folding each rune.
const (
	latinEnd             = 0x250
	punctStart, punctEnd = 0x2000, 0x20d0
)

// foldTables hold, per rune of those ranges, what foldUnicode makes of it
// alone, with every rune that is neither letter nor digit as one space.
var latinFolds, punctFolds = foldTable(0, latinEnd), foldTable(punctStart, punctEnd)

func foldTable(from, to rune) []string {
	t := make([]string, to-from)
	for r := from; r < to; r++ {
		s := strings.ToLower(string(r))
		s = foldLetters.Replace(s)
		if f, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s); err == nil {
			s = f
		}
		t[r-from] = strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return ' '
		}, s)
	}
	return t
}

// foldLatin is foldUnicode for text whose runes are all in the tables
// (German text with umlauts, ß and dashes, French accents, …), without
// Unicode normalisation, which cost most of an NRW import's folding; ok is
// false for any other text.
func foldLatin(s string) (string, bool) {
	b := make([]byte, 0, len(s)+8)
	space := true
	for _, r := range s {
		var f string
		switch {
		case r < latinEnd:
			f = latinFolds[r]
		case punctStart <= r && r < punctEnd:
			f = punctFolds[r-punctStart]
		default:
			return "", false // U+FFFD for bad UTF-8 as well
		}
		for i := 0; i < len(f); i++ {
			if c := f[i]; c != ' ' {
				b = append(b, c)
				space = false
			} else if !space {
				b = append(b, ' ')
				space = true
			}
		}
	}
	if space && len(b) > 0 {
		b = b[:len(b)-1]
	}
	return string(b), true
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
