package matching

import (
	"math"
	"strconv"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
)

// NeedName returns the German name of a need area, or its code.
func NeedName(n directory.NeedArea) string { return n.GermanName() }

// groupNames are the German names of the target groups, as in "für Frauen".
var groupNames = map[directory.TargetGroup]string{
	directory.GroupWomen:       "Frauen",
	directory.GroupParents:     "Eltern",
	directory.GroupFamilies:    "Familien",
	directory.GroupChildren:    "Kinder",
	directory.GroupYouth:       "Jugendliche",
	directory.GroupAdults:      "Erwachsene",
	directory.GroupSeniors:     "Seniorinnen und Senioren",
	directory.GroupRefugees:    "Geflüchtete",
	directory.GroupNewArrivals: "Neuzugewanderte",
	directory.GroupEUCitizens:  "EU-Bürgerinnen und -Bürger",
	directory.GroupAll:         "alle",
}

// TargetGroupName returns the German name of a target group, or its code.
func TargetGroupName(g directory.TargetGroup) string {
	if s, ok := groupNames[g]; ok {
		return s
	}
	return string(g)
}

// circuitNames are the usual German spellings of the legal circuits.
var circuitNames = map[directory.LegalCircuit]string{
	directory.CircuitSGBII:    "SGB II",
	directory.CircuitSGBIII:   "SGB III",
	directory.CircuitSGBVIII:  "SGB VIII",
	directory.CircuitSGBXII:   "SGB XII",
	directory.CircuitAsylbLG:  "AsylbLG",
	directory.CircuitAufenthG: "AufenthG",
}

func circuitName(c directory.LegalCircuit) string {
	if s, ok := circuitNames[c]; ok {
		return s
	}
	return string(c)
}

// joinGerman joins names as a German enumeration: "A", "A und B",
// "A, B und C". When a name itself contains "und" ("Familie und
// Kinderbetreuung") the last link becomes "sowie", so the list stays readable.
func joinGerman(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	link := " und "
	for _, n := range names {
		if strings.Contains(n, " und ") {
			link = " sowie "
			break
		}
	}
	return strings.Join(names[:len(names)-1], ", ") + link + names[len(names)-1]
}

// decimalDE formats x with one decimal and a German decimal comma: 1,2.
func decimalDE(x float64) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", ",", 1)
}

// distanceDE formats a distance the way a counsellor would say it: below
// 1 km in whole 100 m ("300 m"), from 1 km on in km with one decimal ("1,2 km").
func distanceDE(km float64) string {
	m := int(math.Round(km*10)) * 100
	switch {
	case m < 100:
		return "weniger als 100 m"
	case m < 1000:
		return strconv.Itoa(m) + " m"
	}
	return decimalDE(km) + " km"
}

func languageNames(codes []string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = directory.LanguageName(c)
	}
	return out
}
