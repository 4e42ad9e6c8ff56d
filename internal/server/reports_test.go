package server_test

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
)

// The report files over HTTP: the real handler over the demo database, each
// file parsed the way the office's programs read it, with the numbers of
// the GraphQL API for the same reader.

type fileAnswer struct {
	status int
	header http.Header
	body   []byte
}

// file GETs path as role (PUBLIC: no token).
func (e *env) file(role access.Role, path string) fileAnswer {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.url+path, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	if secret, ok := e.tokens[role]; ok {
		req.Header.Set("Authorization", "Bearer "+secret)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return fileAnswer{res.StatusCode, res.Header, body}
}

// excelRows reads a CSV for German Excel into rows keyed by header.
func excelRows(t *testing.T, b []byte) []map[string]string {
	t.Helper()
	text, ok := strings.CutPrefix(string(b), "\ufeff")
	if !ok {
		t.Fatalf("no byte-order mark: %.40q", b)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = row[i]
		}
		out = append(out, m)
	}
	return out
}

type gapAnswer struct {
	GapReport struct {
		Cells []struct {
			District   struct{ ID string }
			Need       string
			UnmetNeeds *int
			Suppressed bool
			Level      string
		}
		StructuralGaps []struct {
			Kind  string
			Offer *struct{ ID string }
		}
	}
}

const gapFileQuery = `query($m: String) { gapReport(municipality: $m) {
  cells { district { id } need unmetNeeds suppressed level }
  structuralGaps { kind offer { id } } } }`

func TestGapFilesOverHTTP(t *testing.T) {
	e := newEnv(t)
	var want gapAnswer
	e.ok(access.RoleSteering, gapFileQuery, map[string]any{"m": "Solingen"}, &want)
	cells, gaps := want.GapReport.Cells, want.GapReport.StructuralGaps

	// CSV: German Excel, one row per cell and per gap, exact counts for steering.
	a := e.file(access.RoleSteering, "/reports/gaps.csv?municipality=Solingen")
	if a.status != http.StatusOK {
		t.Fatalf("gaps.csv: %d %s", a.status, a.body)
	}
	if ct := a.header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := a.header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="luecken-solingen-`) || !strings.HasSuffix(cd, `.csv"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if cc := a.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q: a report of social data must not be cached", cc)
	}
	rows := excelRows(t, a.body)
	if len(rows) != len(cells)+len(gaps) {
		t.Fatalf("gaps.csv: %d rows, GraphQL has %d cells and %d gaps", len(rows), len(cells), len(gaps))
	}
	small := 0
	for i, c := range cells {
		row := rows[i]
		if row["Stadtbezirk-ID"] != c.District.ID || row["Handlungsfeld (Code)"] != c.Need || row["Stufe (Code)"] != c.Level {
			t.Fatalf("row %d %v is not cell %+v", i, row, c)
		}
		if c.UnmetNeeds == nil {
			t.Fatalf("steering sees a suppressed count: %+v", c)
		}
		if n := *c.UnmetNeeds; n > 0 && n < 5 {
			small++
		}
		if got := row["Bedarfe ohne Angebot"]; got != itoa(*c.UnmetNeeds) {
			t.Errorf("row %d: unmet needs %q, GraphQL %d", i, got, *c.UnmetNeeds)
		}
	}
	found := false
	for _, row := range rows[len(cells):] {
		if row["Lücke (Code)"] == "COURSE_WITHOUT_CHILDCARE" && row["Angebot-ID"] == demo.WaldCourseID {
			found = row["Stadtbezirk"] == "Wald" && row["Lücke"] != ""
		}
	}
	if !found {
		t.Errorf("gaps.csv lacks the Wald course without childcare (%s)", demo.WaldCourseID)
	}

	// ADMIN gets the same file with the small counts suppressed, as in GraphQL.
	adminRows := excelRows(t, e.file(access.RoleAdmin, "/reports/gaps.csv?municipality=Solingen").body)
	suppressed := 0
	for i, c := range cells {
		if n := *c.UnmetNeeds; n > 0 && n < 5 {
			if adminRows[i]["Bedarfe ohne Angebot"] != "< 5" || adminRows[i]["Zahl unterdrückt (unter 5)"] != "ja" {
				t.Errorf("ADMIN row %d shows %q for a count of %d", i, adminRows[i]["Bedarfe ohne Angebot"], n)
			}
			suppressed++
		}
	}
	if small == 0 || suppressed != small {
		t.Errorf("the demo should have counts from 1 to 4 in Solingen to suppress: %d", small)
	}

	// JSON: the GraphQL answer's cells and gaps.
	var js struct {
		Cells          []json.RawMessage
		StructuralGaps []json.RawMessage
	}
	a = e.file(access.RoleSteering, "/reports/gaps.json?municipality=Solingen&needs=LANGUAGE,FAMILY_CHILDCARE")
	if err := json.Unmarshal(a.body, &js); err != nil || a.status != http.StatusOK {
		t.Fatalf("gaps.json: %d %v %.200s", a.status, err, a.body)
	}
	if len(js.Cells) != 5*2 {
		t.Errorf("gaps.json with two needs: %d cells, want 5 districts × 2", len(js.Cells))
	}

	// GeoJSON: a FeatureCollection whose cells are the district outlines.
	a = e.file(access.RoleSteering, "/reports/gaps.geojson?municipality=Solingen")
	if ct := a.header.Get("Content-Type"); ct != "application/geo+json" {
		t.Errorf("Content-Type %q", ct)
	}
	var fc struct {
		Type     string
		Features []struct {
			Type       string
			Geometry   json.RawMessage
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(a.body, &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != len(cells)+len(gaps) {
		t.Fatalf("gaps.geojson: %q with %d features, want %d", fc.Type, len(fc.Features), len(cells)+len(gaps))
	}
	centres := map[string]directory.GeoPoint{}
	for _, d := range e.snap.Districts {
		centres[d.ID] = *d.Centre
	}
	for i, f := range fc.Features[:len(cells)] {
		var b directory.Boundary
		if err := json.Unmarshal(f.Geometry, &b); err != nil || b.Type != directory.BoundaryPolygon {
			t.Fatalf("cell feature %d: geometry %.100s (%v), want a Polygon", i, f.Geometry, err)
		}
		id, _ := f.Properties["district_id"].(string)
		if !b.Contains(centres[id]) || f.Properties["level"] != cells[i].Level {
			t.Errorf("cell feature %d (%s): outline without its centre, or level %v ≠ %s", i, id, f.Properties["level"], cells[i].Level)
		}
	}
}

func TestNetworkFilesOverHTTP(t *testing.T) {
	e := newEnv(t)
	var want struct {
		NetworkReport struct {
			Organisations int
			Isolated      []struct{ ID string }
			Brokers       []struct{ Betweenness float64 }
		}
	}
	e.ok(access.RoleSteering, `{ networkReport(municipality: "Wuppertal") { organisations isolated { id } brokers { betweenness } } }`, nil, &want)
	a := e.file(access.RoleSteering, "/reports/network.csv?municipality=Wuppertal")
	if a.status != http.StatusOK {
		t.Fatalf("network.csv: %d %s", a.status, a.body)
	}
	rows := excelRows(t, a.body)
	isolated, brokers := 0, 0
	for _, row := range rows {
		switch row["Abschnitt (Code)"] {
		case "isolated":
			isolated++
		case "broker":
			brokers++
			if !strings.Contains(row["Wert"], ",") {
				t.Errorf("betweenness %q without a decimal comma", row["Wert"])
			}
		case "summary":
			if row["Kennzahl (Code)"] == "organisations" && row["Wert"] != itoa(want.NetworkReport.Organisations) {
				t.Errorf("organisations %q, GraphQL %d", row["Wert"], want.NetworkReport.Organisations)
			}
		}
	}
	if isolated == 0 || isolated != len(want.NetworkReport.Isolated) || brokers != len(want.NetworkReport.Brokers) {
		t.Errorf("network.csv: %d isolated, %d brokers; GraphQL %d, %d", isolated, brokers, len(want.NetworkReport.Isolated), len(want.NetworkReport.Brokers))
	}
	var js struct {
		Organisations int
		Isolated      []struct{ ID string }
	}
	a = e.file(access.RoleSteering, "/reports/network.json?municipality=Wuppertal")
	if err := json.Unmarshal(a.body, &js); err != nil || js.Organisations != want.NetworkReport.Organisations || len(js.Isolated) != len(want.NetworkReport.Isolated) {
		t.Errorf("network.json: %v, %d organisations, %d isolated", err, js.Organisations, len(js.Isolated))
	}
}

// Nobody outside the report readers gets a file, and a token in the URL
// counts for nothing.
func TestReportFilesRefused(t *testing.T) {
	e := newEnv(t)
	files := []string{"gaps.csv", "gaps.json", "gaps.geojson", "network.csv", "network.json"}
	errorOf := func(a fileAnswer) (code, field string) {
		var body struct{ Errors []gqlError }
		if err := json.Unmarshal(a.body, &body); err != nil || len(body.Errors) != 1 {
			t.Fatalf("error body %s (%v)", a.body, err)
		}
		code, _ = body.Errors[0].Extensions["code"].(string)
		field, _ = body.Errors[0].Extensions["field"].(string)
		return code, field
	}
	for _, f := range files {
		path := "/reports/" + f + "?municipality=Solingen"
		a := e.file(access.RolePublic, path)
		if code, _ := errorOf(a); a.status != http.StatusUnauthorized || code != "UNAUTHENTICATED" || a.header.Get("WWW-Authenticate") == "" {
			t.Errorf("anonymous %s: %d %s", f, a.status, a.body)
		}
		a = e.file(access.RolePartner, path)
		if code, _ := errorOf(a); a.status != http.StatusForbidden || code != "FORBIDDEN" {
			t.Errorf("PARTNER %s: %d %s", f, a.status, a.body)
		}
		if strings.Contains(string(a.body), "Solingen;") || strings.Contains(string(a.body), "Feature") {
			t.Errorf("PARTNER %s got report content: %.200s", f, a.body)
		}
		a = e.file(access.RolePublic, path+"&token="+e.tokens[access.RoleSteering]+"&access_token="+e.tokens[access.RoleSteering])
		if a.status != http.StatusUnauthorized {
			t.Errorf("a token in the URL opened %s: %d", f, a.status)
		}
	}
	for _, c := range []struct {
		path, code, field string
		status            int
	}{
		{"/reports/gaps.csv?municipality=Atlantis", "NOT_FOUND", "municipality", http.StatusNotFound},
		{"/reports/gaps.csv?municipality=Solingen&needs=LANGUAGE,DANCING", "BAD_USER_INPUT", "needs[1]", http.StatusBadRequest},
		{"/reports/network.geojson?municipality=Solingen", "NOT_FOUND", "", http.StatusNotFound},
		{"/reports/gaps.xlsx", "NOT_FOUND", "", http.StatusNotFound},
	} {
		a := e.file(access.RoleSteering, c.path)
		code, field := errorOf(a)
		if a.status != c.status || code != c.code || field != c.field {
			t.Errorf("%s: %d %s %q, want %d %s %q", c.path, a.status, code, field, c.status, c.code, c.field)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
