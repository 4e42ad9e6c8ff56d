package directory

import "strings"

// iso6391 is the complete ISO 639-1 code list (184 codes).
const iso6391 = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy " +
	"da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz " +
	"ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt " +
	"lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu " +
	"rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts " +
	"tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu"

var languageCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(iso6391) {
		m[c] = true
	}
	return m
}()

// germanLanguageNames names the languages most often met in NRW integration work,
// for German texts such as "spricht Arabisch".
var germanLanguageNames = map[string]string{
	"de": "Deutsch", "en": "Englisch", "ar": "Arabisch", "tr": "Türkisch", "uk": "Ukrainisch",
	"ru": "Russisch", "fa": "Persisch", "ps": "Paschtu", "ku": "Kurdisch", "ti": "Tigrinya",
	"so": "Somali", "fr": "Französisch", "es": "Spanisch", "it": "Italienisch", "pl": "Polnisch",
	"ro": "Rumänisch", "bg": "Bulgarisch", "sq": "Albanisch", "sr": "Serbisch", "hr": "Kroatisch",
	"bs": "Bosnisch", "el": "Griechisch", "pt": "Portugiesisch", "ur": "Urdu", "hi": "Hindi",
	"ta": "Tamil", "vi": "Vietnamesisch", "zh": "Chinesisch", "am": "Amharisch", "ha": "Hausa",
	"yo": "Yoruba", "sw": "Suaheli", "hy": "Armenisch", "ka": "Georgisch", "az": "Aserbaidschanisch",
	"uz": "Usbekisch", "tk": "Turkmenisch", "dv": "Dhivehi", "ln": "Lingala", "ig": "Igbo",
}

// ValidLanguage reports whether code is a lower-case ISO 639-1 code.
func ValidLanguage(code string) bool { return languageCodes[code] }

// LanguageName returns the German name of a language code, or the code itself.
func LanguageName(code string) string {
	if n, ok := germanLanguageNames[code]; ok {
		return n
	}
	return code
}
