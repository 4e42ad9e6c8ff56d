package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/gaps"
	"github.com/lotse-kim/lotse/internal/network"
	"github.com/lotse-kim/lotse/internal/service"
)

func intp(n int) *int { return &n }

// sample is a small gap report as the office sees it: one suppressed cell.
func sample() service.GapReport {
	wald := directory.District{ID: "sg-wald", Name: "Wald", Municipality: "Solingen", Population: 20000,
		Centre: &directory.GeoPoint{Lat: 51.18, Lon: 7.05}}
	mitte := directory.District{ID: "sg-mitte", Name: "Mitte", Municipality: "Solingen", Population: 50000}
	office := access.Operator
	course := directory.Offer{ID: "off-1", Title: "Integrationskurs, Wald", ProviderID: "org-1",
		Location: &directory.GeoPoint{Lat: 51.181, Lon: 7.051}, DistrictID: wald.ID}
	return service.GapReport{
		Municipality: "Solingen",
		Needs:        []directory.NeedArea{directory.NeedLanguage},
		Cells: []service.GapCell{
			{Cell: gaps.Cell{District: wald, Need: directory.NeedLanguage, ActiveOffers: 3, FreePlaces: 7, OffersPer10k: 1.5,
				Level: gaps.LevelOK}, Unmet: gaps.VisibleCount(3, office)},
			{Cell: gaps.Cell{District: mitte, Need: directory.NeedLanguage, ActiveOffers: 0, UnmetNeeds: 6,
				Level: gaps.LevelNone}, Unmet: gaps.VisibleCount(6, office)},
		},
		Gaps: []service.StructuralGap{
			{Gap: gaps.Gap{Kind: gaps.GapNeedWithoutOffer, DistrictID: mitte.ID, Need: directory.NeedLanguage,
				Detail: "Im Stadtbezirk Mitte gibt es kein aktives Angebot im Handlungsfeld Sprache."}, District: &mitte},
			{Gap: gaps.Gap{Kind: gaps.GapCourseWithoutChildcare, DistrictID: wald.ID, Need: directory.NeedFamilyChildcare,
				OfferID: course.ID, OrganisationID: "org-1", Detail: "Integrationskurs „Integrationskurs, Wald“ …"},
				District: &wald, Offer: &course, Organisation: &directory.Organisation{ID: "org-1", Name: "VHS, Solingen"}},
			{Gap: gaps.Gap{Kind: gaps.GapLanguageNotCovered, DistrictID: mitte.ID, Language: "ti", Detail: "…"},
				District: &mitte, Unmet: gaps.VisibleCount(2, office)},
		},
	}
}

func TestGapsCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGaps(&buf, sample(), CSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+2+3 {
		t.Fatalf("%d rows, want header, 2 cells, 3 gaps", len(rows))
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	get := func(row int, name string) string { return rows[row][col[name]] }
	if get(1, "unmet_needs") != "" || get(1, "suppressed") != "true" {
		t.Errorf("suppressed cell: unmet %q suppressed %q", get(1, "unmet_needs"), get(1, "suppressed"))
	}
	if get(2, "unmet_needs") != "6" || get(2, "suppressed") != "false" || get(2, "level") != "NONE" {
		t.Errorf("cell of 6: %v", rows[2])
	}
	if get(1, "offers_per_10k") != "1.5" {
		t.Errorf("offers_per_10k = %q", get(1, "offers_per_10k"))
	}
	if get(4, "record") != "gap" || get(4, "offer_id") != "off-1" || get(4, "organisation") != "VHS, Solingen" {
		t.Errorf("offer gap: %v", rows[4])
	}
	if get(5, "language") != "ti" || get(5, "unmet_needs") != "" || get(5, "suppressed") != "true" {
		t.Errorf("language gap: %v", rows[5])
	}
	if get(3, "unmet_needs") != "" || get(3, "suppressed") != "" {
		t.Errorf("NEED_WITHOUT_OFFER carries a count: %v", rows[3])
	}
}

func TestGapsGeoJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGaps(&buf, sample(), GeoJSON); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			Geometry *struct {
				Type        string
				Coordinates []float64
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 5 {
		t.Fatalf("type %q, %d features", fc.Type, len(fc.Features))
	}
	at := func(i int) []float64 {
		if g := fc.Features[i].Geometry; g != nil {
			return g.Coordinates
		}
		return nil
	}
	// Cells at the district centre ([lon, lat]); Mitte has no centre.
	if c := at(0); len(c) != 2 || c[0] != 7.05 || c[1] != 51.18 {
		t.Errorf("Wald cell at %v", c)
	}
	if at(1) != nil || at(2) != nil {
		t.Errorf("features without a known place have a geometry: %v %v", at(1), at(2))
	}
	// A gap of an offer sits at the offer.
	if c := at(3); len(c) != 2 || c[0] != 7.051 || c[1] != 51.181 {
		t.Errorf("course gap at %v", c)
	}
	p := fc.Features[0].Properties
	if p["record"] != "cell" || p["unmet_needs"] != nil || p["suppressed"] != true || p["level"] != "OK" {
		t.Errorf("cell properties %v", p)
	}
	if p := fc.Features[3].Properties; p["kind"] != "COURSE_WITHOUT_CHILDCARE" || p["offer_id"] != "off-1" {
		t.Errorf("gap properties %v", p)
	}
}

func TestGapsJSONKeepsNulls(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGaps(&buf, sample(), JSON); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Cells []map[string]any
		Gaps  []map[string]any `json:"structuralGaps"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if c := v.Cells[0]; c["unmetNeeds"] != nil || c["suppressed"] != true {
		t.Errorf("suppressed cell %v", c)
	}
	if _, ok := v.Gaps[0]["offer"]; !ok || v.Gaps[0]["offer"] != nil {
		t.Errorf("a gap without an offer should say offer: null, got %v", v.Gaps[0])
	}
	if !strings.Contains(buf.String(), "„Integrationskurs, Wald“") {
		t.Error("German quotes escaped or lost")
	}
}

func TestNetworkCSV(t *testing.T) {
	jc := directory.Organisation{ID: "jc", Name: "Jobcenter", Kind: directory.KindJobcenter}
	club := directory.Organisation{ID: "club", Name: "Verein", Kind: directory.KindSportsClub}
	r := service.NetworkReport{Municipality: "Solingen", Report: network.Report{
		Organisations: 3, Cooperations: 1, Density: 1.0 / 3,
		Components:        []network.Component{{Size: 2, OrganisationIDs: []string{"a", "jc"}}, {Size: 1, OrganisationIDs: []string{"club"}}},
		Isolated:          []directory.Organisation{club},
		Brokers:           []network.Broker{{Organisation: jc, Betweenness: 0.5}},
		KindMatrix:        []network.KindPair{{A: directory.KindJobcenter, B: directory.KindSportsClub, Cooperations: 1}},
		NoPathToJobcenter: []directory.Organisation{club}, BetweennessExact: true,
	}}
	var buf bytes.Buffer
	if err := WriteNetwork(&buf, r, CSV); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range rows {
		got = append(got, strings.Join(row, ","))
	}
	want := []string{
		"section,key,rank,organisation_id,organisation,kind,other_kind,value",
		"summary,municipality,,,,,,Solingen",
		"summary,organisations,,,,,,3",
		"summary,cooperations,,,,,,1",
		"summary,density,,,,,,0.3333333333333333",
		"summary,componentCount,,,,,,2",
		"summary,betweennessExact,,,,,,true",
		"component,,1,a,,,,2",
		"component,,1,jc,,,,2",
		"component,,2,club,,,,1",
		"isolated,,,club,Verein,SPORTS_CLUB,,",
		"broker,,1,jc,Jobcenter,JOBCENTER,,0.5",
		"kind_pair,,,,,JOBCENTER,SPORTS_CLUB,1",
		"no_path_to_jobcenter,,,club,Verein,SPORTS_CLUB,,",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("network.csv:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var js bytes.Buffer
	if err := WriteNetwork(&js, r, JSON); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"noPathToImmigrationOffice": []`) {
		t.Errorf("empty lists should be [] in JSON:\n%s", js.String())
	}
}

func TestParseFormat(t *testing.T) {
	if f, err := ParseFormat(" GeoJSON ", GapFormats); err != nil || f != GeoJSON {
		t.Errorf("GeoJSON for gaps: %v %v", f, err)
	}
	if _, err := ParseFormat("geojson", NetworkFormats); err == nil {
		t.Error("geojson accepted for the network report")
	}
	if err := WriteNetwork(&bytes.Buffer{}, service.NetworkReport{}, GeoJSON); err == nil {
		t.Error("WriteNetwork wrote GeoJSON")
	}
}
