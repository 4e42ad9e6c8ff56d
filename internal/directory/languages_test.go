package directory

import "testing"

func TestValidLanguage(t *testing.T) {
	n := 0
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			if ValidLanguage(string([]rune{a, b})) {
				n++
			}
		}
	}
	if n != 183 { // ISO 639-1 has 183 current codes (184 before bh was withdrawn in 2021)
		t.Errorf("%d valid two-letter codes, want the 183 of ISO 639-1", n)
	}
	for _, c := range []string{"de", "ar", "tr", "uk", "fa", "ps", "ti", "nb", "tl", "tw", "zu"} {
		if !ValidLanguage(c) {
			t.Errorf("%q refused", c)
		}
	}
	for _, c := range []string{"", "d", "DE", "De", "deu", "xx", "iw", "in", "ji", "jw", "mo", "sh", "bh", "d1", "zh-Hant"} {
		if ValidLanguage(c) {
			t.Errorf("%q accepted", c)
		}
	}
}

func TestLanguageNameIsGerman(t *testing.T) {
	for code, want := range map[string]string{
		"de": "Deutsch", "ar": "Arabisch", "tr": "Türkisch", "uk": "Ukrainisch", "fa": "Persisch",
		"ps": "Paschtu", "ti": "Tigrinya", "ku": "Kurdisch", "so": "Somali", "sq": "Albanisch",
		"xx": "xx", "": "",
	} {
		if got := LanguageName(code); got != want {
			t.Errorf("LanguageName(%q) = %q, want %q", code, got, want)
		}
	}
}
