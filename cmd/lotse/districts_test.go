package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// square is a GeoJSON Polygon around (lat, lon), d degrees wide each way.
func square(lat, lon, d float64) string {
	return fmt.Sprintf(`{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}`,
		lon-d, lat-d, lon+d, lat-d, lon+d, lat+d, lon-d, lat+d, lon-d, lat-d)
}

// A city's file goes in through the CLI and comes out of the GraphQL API;
// a bad file is refused by feature and changes nothing.
func TestDistrictsImport(t *testing.T) {
	dir, db := demoDB(t)
	good := filepath.Join(dir, "bezirke.geojson")
	// Names as a portal spells them, in a property of its own choosing; Wald by id.
	if err := os.WriteFile(good, []byte(`{"type": "FeatureCollection", "features": [
	  {"type": "Feature", "properties": {"STADTBEZIRK": "Solingen-Mitte"}, "geometry": `+square(51.171, 7.083, 0.02)+`},
	  {"type": "Feature", "properties": {"BEZ_NAME": "OHLIGS/AUFDERHOEHE/MERSCHEID"}, "geometry": `+square(51.163, 7.010, 0.025)+`},
	  {"type": "Feature", "id": "sg-wald", "properties": {}, "geometry": `+square(51.180, 7.045, 0.015)+`}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run(t, "districts", "import", good, "--municipality", "Solingen", "--data", db); err != nil {
		t.Fatal(err)
	}
	url, secrets := graphqlServer(t, db)
	boundaries := func() map[string]string {
		ds := query(t, url, secrets["ADMIN"], `{ districts(municipality: "Solingen") { id: localId boundary } }`, nil, "districts").([]any)
		out := map[string]string{}
		for _, d := range ds {
			m := d.(map[string]any)
			out[m["id"].(string)] = fmt.Sprint(m["boundary"])
		}
		return out
	}
	got := boundaries()
	if b := got["sg-wald"]; !strings.Contains(b, "Polygon") || !strings.Contains(b, "7.03") || !strings.Contains(b, "51.195") {
		t.Errorf("sg-wald boundary = %s", b)
	}
	if b := got["sg-mitte"]; !strings.Contains(b, "7.063") {
		t.Errorf("sg-mitte boundary = %s", b)
	}

	bad := filepath.Join(dir, "kaputt.geojson")
	if err := os.WriteFile(bad, []byte(`{"type": "FeatureCollection", "features": [
	  {"type": "Feature", "properties": {"name": "Gräfrath"}, "geometry": `+square(51.205, 7.070, 0.02)+`},
	  {"type": "Feature", "properties": {"name": "Wald"}, "geometry": {"type": "Polygon", "coordinates": [[[7.03,51.17],[7.06,51.17],[7.06,51.19],[7.03,51.18]]]}},
	  {"type": "Feature", "properties": {"name": "Haan"}, "geometry": `+square(51.19, 7.0, 0.02)+`}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(t, "districts", "import", bad, "--municipality", "Solingen", "--data", db)
	if err == nil || !strings.Contains(err.Error(), "2 problems") {
		t.Errorf("bad file: %v, want 2 problems (open ring, unknown district)", err)
	}
	if after := boundaries(); fmt.Sprint(after) != fmt.Sprint(got) {
		t.Errorf("a refused file changed boundaries:\n%v\n%v", got, after)
	}
	if err := run(t, "districts", "import", good, "--municipality", "Atlantis", "--data", db); err == nil || !strings.Contains(err.Error(), "Atlantis") {
		t.Errorf("unknown municipality: %v", err)
	}
}
