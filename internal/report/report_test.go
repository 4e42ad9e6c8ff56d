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

// readExcelCSV reads a file written for German Excel: BOM, ';', CRLF.
func readExcelCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	text, ok := strings.CutPrefix(string(b), "\ufeff")
	if !ok {
		t.Fatal("no UTF-8 byte-order mark: Excel would read the umlauts as Latin-1")
	}
	if !strings.Contains(text, "\r\n") {
		t.Error("lines do not end in CRLF")
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestGapsCSV(t *testing.T) {
	var buf bytes.Buffer
	r := sample()
	r.Gaps[1].Organisation.Name = "=HYPERLINK(\"http://x\")" // a partner's careless or hostile name
	if err := WriteGaps(&buf, r, CSV); err != nil {
		t.Fatal(err)
	}
	rows := readExcelCSV(t, buf.Bytes())
	if len(rows) != 1+2+3 {
		t.Fatalf("%d rows, want header, 2 cells, 3 gaps", len(rows))
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for _, h := range []string{"Stadtbezirk", "Handlungsfeld (Code)", "Handlungsfeld", "Angebote je 10.000 Einwohner", "Bedarfe ohne Angebot", "Stufe"} {
		if _, ok := col[h]; !ok {
			t.Errorf("no column %q in %v", h, rows[0])
		}
	}
	get := func(row int, name string) string { return rows[row][col[name]] }
	if get(1, "Bedarfe ohne Angebot") != "< 5" || get(1, "Zahl unterdrückt (unter 5)") != "ja" {
		t.Errorf("suppressed cell: %v", rows[1])
	}
	if get(1, "Handlungsfeld (Code)") != "LANGUAGE" || get(1, "Handlungsfeld") != "Sprache" || get(1, "Stufe") != "ausreichend" {
		t.Errorf("codes and labels: %v", rows[1])
	}
	if get(2, "Bedarfe ohne Angebot") != "6" || get(2, "Zahl unterdrückt (unter 5)") != "nein" || get(2, "Stufe (Code)") != "NONE" {
		t.Errorf("cell of 6: %v", rows[2])
	}
	if get(1, "Angebote je 10.000 Einwohner") != "1,5" || get(2, "Angebote je 10.000 Einwohner") != "0,0" {
		t.Errorf("offers per 10k: %q, %q; want decimal commas", get(1, "Angebote je 10.000 Einwohner"), get(2, "Angebote je 10.000 Einwohner"))
	}
	if get(4, "Datensatz") != "strukturelle Lücke" || get(4, "Angebot-ID") != "off-1" || get(4, "Lücke") != "Kurs ohne Kinderbetreuung in der Nähe" {
		t.Errorf("offer gap: %v", rows[4])
	}
	if got := get(4, "Organisation"); got != "'=HYPERLINK(\"http://x\")" {
		t.Errorf("a formula-like name is written as %q; Excel would run it", got)
	}
	if get(5, "Sprache (Code)") != "ti" || get(5, "Sprache") != "Tigrinya" || get(5, "Bedarfe ohne Angebot") != "< 5" {
		t.Errorf("language gap: %v", rows[5])
	}
	if get(3, "Bedarfe ohne Angebot") != "" || get(3, "Zahl unterdrückt (unter 5)") != "" {
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
	rows := readExcelCSV(t, buf.Bytes())
	var got []string
	for _, row := range rows {
		got = append(got, strings.Join(row, ";"))
	}
	want := []string{
		"Abschnitt (Code);Abschnitt;Kennzahl (Code);Kennzahl;Rang;Organisation-ID;Organisation;Art (Code);Art;andere Art (Code);andere Art;Wert",
		"summary;Überblick;municipality;Kommune;;;;;;;;Solingen",
		"summary;Überblick;organisations;Organisationen;;;;;;;;3",
		"summary;Überblick;cooperations;bestätigte Kooperationen;;;;;;;;1",
		"summary;Überblick;density;Dichte;;;;;;;;0,3333",
		"summary;Überblick;componentCount;Teilnetze;;;;;;;;2",
		"summary;Überblick;betweennessExact;Betweenness exakt berechnet;;;;;;;;ja",
		"component;Teilnetz;;;1;a;;;;;;2",
		"component;Teilnetz;;;1;jc;;;;;;2",
		"component;Teilnetz;;;2;club;;;;;;1",
		"isolated;ohne Kooperation;;;;club;Verein;SPORTS_CLUB;Sportverein;;;",
		"broker;Brückenakteur;;;1;jc;Jobcenter;JOBCENTER;Jobcenter;;;0,5000",
		"kind_pair;Kooperationen nach Art;;;;;;JOBCENTER;Jobcenter;SPORTS_CLUB;Sportverein;1",
		"no_path_to_jobcenter;kein Weg zum Jobcenter;;;;club;Verein;SPORTS_CLUB;Sportverein;;;",
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

// A cell of a district with an outline is that outline, for a choropleth;
// gaps stay points.
func TestGapsGeoJSONPolygons(t *testing.T) {
	r := sample()
	ring := directory.Ring{{7.03, 51.17}, {7.07, 51.17}, {7.07, 51.19}, {7.03, 51.19}, {7.03, 51.17}}
	outline := &directory.Boundary{Type: directory.BoundaryPolygon, Polygons: []directory.Polygon{{ring}}}
	r.Cells[0].District.Boundary = outline
	var buf bytes.Buffer
	if err := WriteGaps(&buf, r, GeoJSON); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Geometry *struct {
				Type        string
				Coordinates json.RawMessage
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	g := fc.Features[0].Geometry
	if g == nil || g.Type != "Polygon" || string(g.Coordinates) != "[[[7.03,51.17],[7.07,51.17],[7.07,51.19],[7.03,51.19],[7.03,51.17]]]" {
		t.Fatalf("Wald cell geometry %+v", g)
	}
	if p := fc.Features[0].Properties; p["level"] != "OK" || p["need"] != "LANGUAGE" {
		t.Errorf("polygon properties %v", p)
	}
	if g := fc.Features[3].Geometry; g == nil || g.Type != "Point" {
		t.Errorf("course gap geometry %+v, want its point", g)
	}
}
