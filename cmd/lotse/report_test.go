package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// The report files carry the numbers of the GraphQL API: the CLI writes a
// report of the demo, a real server over the same database answers the same
// question, and the two JSON documents must be equal.

const cliGapQuery = `query($m: String, $needs: [NeedArea!]) {
  gapReport(municipality: $m, needs: $needs) {
    municipality
    cells { district { id: localId name municipality population } need activeOffers freePlaces offersPer10k unmetNeeds suppressed level }
    structuralGaps { kind district { id: localId name municipality population } need offer { id: localId title } organisation { id: localId name kind } language detail }
  }
}`

const cliNetworkQuery = `query($m: String) {
  networkReport(municipality: $m) {
    municipality organisations cooperations density componentCount
    components { size organisationIds }
    isolated { id: localId name kind }
    brokers { organisation { id: localId name kind } betweenness }
    kindMatrix { a b cooperations }
    noPathToJobcenter { id: localId name kind }
    noPathToImmigrationOffice { id: localId name kind }
  }
}`

// demoDB imports the demo into a fresh SQLite file with the CLI.
func demoDB(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	src := filepath.Join(dir, "demo.json")
	data, err := json.Marshal(demo.Demo())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "lotse.db")
	if err := run(t, "import", "-q", "--data", db, src); err != nil {
		t.Fatal(err)
	}
	return dir, db
}

// graphqlServer serves db and returns its URL and a bearer secret per role.
func graphqlServer(t *testing.T, db string) (string, map[access.Role]string) {
	t.Helper()
	ctx := t.Context()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	secrets := map[access.Role]string{}
	for _, role := range []access.Role{access.RoleAdmin, access.RoleSteering} {
		secret := access.NewSecret()
		tok := access.Token{ID: "tok-" + strings.ToLower(string(role)), Name: "report-test", Role: role,
			Hash: access.HashSecret(secret), CreatedAt: time.Now().UTC()}
		if err := st.CreateToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		secrets[role] = secret
	}
	srv := httptest.NewServer(server.New(server.Config{}, service.New(st)))
	t.Cleanup(srv.Close)
	return srv.URL, secrets
}

// query returns the data field `field` of a GraphQL answer as generic JSON.
func query(t *testing.T, url, secret, q string, vars map[string]any, field string) any {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+secret)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out struct {
		Data   map[string]any `json:"data"`
		Errors []any          `json:"errors"`
	}
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if len(out.Errors) > 0 {
		t.Fatalf("GraphQL errors: %v", out.Errors)
	}
	return out.Data[field]
}

func readJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func TestReportFilesEqualTheGraphQLAnswers(t *testing.T) {
	dir, db := demoDB(t)
	file := func(name string) string { return filepath.Join(dir, name) }
	for _, args := range [][]string{
		{"report", "gaps", "--data", db, "--municipality", "Solingen", "--format", "json", "--out", file("gaps.json")},
		{"report", "gaps", "--data", db, "--municipality", "Solingen", "--format", "json", "--audience", "steering", "--out", file("gaps-steering.json")},
		{"report", "gaps", "--data", db, "--municipality", "Wuppertal", "--needs", "LANGUAGE,FAMILY_CHILDCARE", "--format", "json", "--out", file("gaps-wu.json")},
		{"report", "gaps", "--data", db, "--municipality", "Solingen", "--format", "csv", "--out", file("gaps.csv")},
		{"report", "gaps", "--data", db, "--municipality", "Solingen", "--format", "geojson", "--out", file("gaps.geojson")},
		{"report", "network", "--data", db, "--municipality", "Solingen", "--format", "json", "--out", file("network.json")},
		{"report", "network", "--data", db, "--format", "json", "--out", file("network-all.json")},
		{"report", "network", "--data", db, "--format", "csv", "--out", file("network.csv")},
	} {
		if err := run(t, args...); err != nil {
			t.Fatalf("lotse %s: %v", strings.Join(args, " "), err)
		}
	}
	url, secrets := graphqlServer(t, db)

	// The files are written for the office unless --audience steering: the
	// GraphQL API shows ADMIN the same suppressed counts.
	for _, tc := range []struct {
		file  string
		role  access.Role
		vars  map[string]any
		needs []any
	}{
		{"gaps.json", access.RoleAdmin, map[string]any{"m": "Solingen"}, nil},
		{"gaps-steering.json", access.RoleSteering, map[string]any{"m": "Solingen"}, nil},
		{"gaps-wu.json", access.RoleAdmin, map[string]any{"m": "Wuppertal", "needs": []string{"LANGUAGE", "FAMILY_CHILDCARE"}},
			[]any{"LANGUAGE", "FAMILY_CHILDCARE"}},
	} {
		got := readJSON(t, file(tc.file))
		needs := got["needs"]
		delete(got, "needs") // the file says which need areas it covers; GraphQL's caller knows
		if tc.needs != nil && !reflect.DeepEqual(needs, tc.needs) {
			t.Errorf("%s: needs %v, want %v", tc.file, needs, tc.needs)
		}
		want := query(t, url, secrets[tc.role], cliGapQuery, tc.vars, "gapReport")
		if !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Errorf("%s differs from gapReport as %s:\nfile    %.2000s\ngraphql %.2000s", tc.file, tc.role, g, w)
		}
	}

	suppressed := func(path string) int {
		n := 0
		for _, c := range readJSON(t, path)["cells"].([]any) {
			if c.(map[string]any)["suppressed"] == true {
				n++
			}
		}
		return n
	}
	if suppressed(file("gaps.json")) == 0 {
		t.Error("the office file of Solingen suppresses no count; the demo has cells with 1–4 unmet needs")
	}
	if n := suppressed(file("gaps-steering.json")); n != 0 {
		t.Errorf("the steering file suppresses %d counts", n)
	}

	for _, tc := range []struct {
		file string
		vars map[string]any
	}{
		{"network.json", map[string]any{"m": "Solingen"}},
		{"network-all.json", nil},
	} {
		got := readJSON(t, file(tc.file))
		if _, ok := got["betweennessExact"].(bool); !ok {
			t.Errorf("%s: betweennessExact missing", tc.file)
		}
		delete(got, "betweennessExact")
		delete(got, "betweennessSources")
		want := query(t, url, secrets[access.RoleSteering], cliNetworkQuery, tc.vars, "networkReport")
		if m, ok := want.(map[string]any); ok {
			localComponentIDs(m)
		}
		if !reflect.DeepEqual(got, want) {
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			t.Errorf("%s differs from networkReport:\nfile    %.2000s\ngraphql %.2000s", tc.file, g, w)
		}
	}

	// CSV and GeoJSON hold the same rows as the JSON file.
	ref := readJSON(t, file("gaps.json"))
	cells, gaps := len(ref["cells"].([]any)), len(ref["structuralGaps"].([]any))
	f, err := os.Open(file("gaps.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// German Excel: a byte-order mark, then ';'-separated fields.
	bom := make([]byte, 3)
	if _, err := io.ReadFull(f, bom); err != nil || string(bom) != "\ufeff" {
		t.Fatalf("gaps.csv starts with %q, want the UTF-8 byte-order mark", bom)
	}
	cr := csv.NewReader(f)
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+cells+gaps {
		t.Errorf("gaps.csv: %d rows, want header + %d cells + %d gaps", len(rows), cells, gaps)
	}
	geo := readJSON(t, file("gaps.geojson"))
	features := geo["features"].([]any)
	if geo["type"] != "FeatureCollection" || len(features) != cells+gaps {
		t.Fatalf("gaps.geojson: type %v, %d features, want %d", geo["type"], len(features), cells+gaps)
	}
	// The demo districts have outlines: every cell is a polygon.
	for i, ft := range features[:cells] {
		g, _ := ft.(map[string]any)["geometry"].(map[string]any)
		if g == nil || g["type"] != "Polygon" {
			t.Errorf("cell feature %d is no polygon: %.200v", i, ft)
		}
	}
	if _, err := os.Stat(file("network.csv")); err != nil {
		t.Error(err)
	}
}

func TestReportRefusesBadArguments(t *testing.T) {
	_, db := demoDB(t)
	for _, args := range [][]string{
		{"report", "gaps", "--data", db, "--format", "xlsx"},
		{"report", "network", "--data", db, "--format", "geojson"},
		{"report", "gaps", "--data", db, "--needs", "DANCING"},
		{"report", "gaps", "--data", db, "--audience", "everyone"},
		{"report", "gaps", "--data", db, "--municipality", "Atlantis"},
	} {
		if err := run(t, args...); err == nil {
			t.Errorf("lotse %s: no error", strings.Join(args, " "))
		}
	}
}

// localComponentIDs turns the API's global organisation ids of the
// components into the local ids the report files carry (as export files do).
func localComponentIDs(report map[string]any) {
	comps, _ := report["components"].([]any)
	for _, c := range comps {
		m, _ := c.(map[string]any)
		ids, _ := m["organisationIds"].([]any)
		for i, id := range ids {
			if s, ok := id.(string); ok {
				ids[i] = relay.Local(s)
			}
		}
	}
}
