package directory

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// withdrawn are two-letter codes that golang.org/x/text still knows (as
// BCP 47 aliases) but ISO 639-1 has withdrawn: sh (Serbo-Croatian, 2000) and
// bh (Bihari, 2021).
var withdrawn = map[string]bool{"sh": true, "bh": true}

// ValidLanguage reports whether code is a current, lower-case ISO 639-1
// code, by golang.org/x/text/language: a two-letter base language that is
// neither deprecated (iw → he) nor withdrawn.
func ValidLanguage(code string) bool {
	if len(code) != 2 || code[0] < 'a' || code[0] > 'z' || code[1] < 'a' || code[1] > 'z' || withdrawn[code] {
		return false
	}
	b, err := language.ParseBase(code)
	return err == nil && b.String() == code && language.Deprecated.Make(code).String() == code
}

var germanNames = display.German.Languages()

// LanguageName returns the German name of a language code ("ar" →
// "Arabisch"), from CLDR through golang.org/x/text/language/display, or the
// code itself when it names no language.
func LanguageName(code string) string {
	if !ValidLanguage(code) {
		return code
	}
	if n := germanNames.Name(language.MustParseBase(code)); n != "" {
		return n
	}
	return code
}

// Language is an ISO 639-1 code with its German name.
type Language struct {
	Code string
	Name string
}

// Languages lists every current ISO 639-1 language, by code.
var Languages = func() []Language {
	var out []Language
	for a := byte('a'); a <= 'z'; a++ {
		for b := byte('a'); b <= 'z'; b++ {
			if c := string([]byte{a, b}); ValidLanguage(c) {
				out = append(out, Language{Code: c, Name: LanguageName(c)})
			}
		}
	}
	return out
}()
