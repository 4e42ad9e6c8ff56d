package report

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/gaps"
)

// CSV for German Excel: a double-click must open the file with umlauts,
// columns and numbers intact. Excel reads UTF-8 only after a byte-order
// mark, splits on the locale's list separator (';' in de-DE) and parses
// "1,5" as a number there. Text that Excel would take for a formula
// (=, +, -, @ at the start; a partner may name its organisation so) is
// prefixed with an apostrophe, which Excel shows as plain text.

// bom is the UTF-8 byte-order mark.
const bom = "\ufeff"

// csvColumn is one column of a German spreadsheet: a header and how a row
// (keyed like gapColumns / networkColumns) fills it.
type csvColumn struct {
	header string
	value  func(row map[string]any) string
}

// raw shows the row's value as it is: text, a whole number, ja/nein.
func raw(key string) func(map[string]any) string {
	return func(row map[string]any) string { return cell(row[key]) }
}

// label shows the German label of the code in key.
func label(key string, name func(string) string) func(map[string]any) string {
	return func(row map[string]any) string {
		s, _ := row[key].(string)
		if s == "" {
			return ""
		}
		return name(s)
	}
}

// decimal shows a number rounded to places decimals, with a decimal comma.
func decimal(key string, places int) func(map[string]any) string {
	return func(row map[string]any) string {
		f, ok := row[key].(float64)
		if !ok {
			return cell(row[key])
		}
		p := math.Pow(10, float64(places))
		return strings.Replace(strconv.FormatFloat(math.Round(f*p)/p, 'f', places, 64), ".", ",", 1)
	}
}

// count shows a count, or "< 5" when it is suppressed for this reader.
func count(key string) func(map[string]any) string {
	return func(row map[string]any) string {
		if row["suppressed"] == true {
			return "< " + strconv.Itoa(gaps.MinPublicCount)
		}
		return cell(row[key])
	}
}

func cell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return safeText(v)
	case int:
		return strconv.Itoa(v)
	case float64:
		return strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
	case bool:
		if v {
			return "ja"
		}
		return "nein"
	}
	return ""
}

// safeText keeps Excel from evaluating text as a formula.
func safeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeExcelCSV writes rows as a German spreadsheet file.
func writeExcelCSV(w io.Writer, columns []csvColumn, rows []map[string]any) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	rec := make([]string, len(columns))
	for i, c := range columns {
		rec[i] = c.header
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, row := range rows {
		for i, c := range columns {
			rec[i] = c.value(row)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// German labels of the codes in the files.

var recordLabels = map[string]string{"cell": "Stadtbezirk × Handlungsfeld", "gap": "strukturelle Lücke"}

var levelLabels = map[gaps.Level]string{
	gaps.LevelNone: "kein Angebot", gaps.LevelLow: "knapp", gaps.LevelOK: "ausreichend",
}

var gapKindLabels = map[gaps.GapKind]string{
	gaps.GapNeedWithoutOffer:       "Handlungsfeld ohne Angebot",
	gaps.GapCourseWithoutChildcare: "Kurs ohne Kinderbetreuung in der Nähe",
	gaps.GapNoPassageGroup:         "keine Passagegruppe im Stadtbezirk",
	gaps.GapLanguageNotCovered:     "Sprache nicht abgedeckt",
	gaps.GapAlwaysFull:             "immer ausgebucht",
	gaps.GapUnfunded:               "Finanzierung fehlt",
}

var sectionLabels = map[string]string{
	"summary": "Überblick", "component": "Teilnetz", "isolated": "ohne Kooperation", "broker": "Brückenakteur",
	"kind_pair": "Kooperationen nach Art", "no_path_to_jobcenter": "kein Weg zum Jobcenter",
	"no_path_to_immigration_office": "kein Weg zur Ausländerbehörde",
}

var summaryLabels = map[string]string{
	"municipality": "Kommune", "organisations": "Organisationen", "cooperations": "bestätigte Kooperationen",
	"density": "Dichte", "componentCount": "Teilnetze", "betweennessExact": "Betweenness exakt berechnet",
}

func from[K ~string](m map[K]string) func(string) string {
	return func(code string) string {
		if l, ok := m[K(code)]; ok {
			return l
		}
		return code
	}
}

func needLabel(code string) string { return directory.NeedArea(code).GermanName() }

func kindLabel(code string) string { return directory.OrganisationKind(code).GermanName() }

// gapCSV are the columns of the gap report's CSV: codes for filters and
// formulas, each followed by its German label.
var gapCSV = []csvColumn{
	{"Datensatz", label("record", from(recordLabels))},
	{"Kommune", raw("municipality")},
	{"Stadtbezirk-ID", raw("district_id")},
	{"Stadtbezirk", raw("district")},
	{"Einwohner", raw("population")},
	{"Handlungsfeld (Code)", raw("need")},
	{"Handlungsfeld", label("need", needLabel)},
	{"aktive Angebote", raw("active_offers")},
	{"freie Plätze", raw("free_places")},
	{"Angebote je 10.000 Einwohner", decimal("offers_per_10k", 1)},
	{"Bedarfe ohne Angebot", count("unmet_needs")},
	{"Zahl unterdrückt (unter 5)", raw("suppressed")},
	{"Stufe (Code)", raw("level")},
	{"Stufe", label("level", from(levelLabels))},
	{"Lücke (Code)", raw("kind")},
	{"Lücke", label("kind", from(gapKindLabels))},
	{"Angebot-ID", raw("offer_id")},
	{"Angebot", raw("offer")},
	{"Organisation-ID", raw("organisation_id")},
	{"Organisation", raw("organisation")},
	{"Sprache (Code)", raw("language")},
	{"Sprache", label("language", directory.LanguageName)},
	{"Beschreibung", raw("detail")},
}

// networkCSV are the columns of the network report's CSV.
var networkCSV = []csvColumn{
	{"Abschnitt (Code)", raw("section")},
	{"Abschnitt", label("section", from(sectionLabels))},
	{"Kennzahl (Code)", raw("key")},
	{"Kennzahl", label("key", from(summaryLabels))},
	{"Rang", raw("rank")},
	{"Organisation-ID", raw("organisation_id")},
	{"Organisation", raw("organisation")},
	{"Art (Code)", raw("kind")},
	{"Art", label("kind", kindLabel)},
	{"andere Art (Code)", raw("other_kind")},
	{"andere Art", label("other_kind", kindLabel)},
	{"Wert", decimal("value", 4)},
}
