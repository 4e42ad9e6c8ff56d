package directory

import (
	"strings"
	"testing"
)

func TestMatchBoundaries(t *testing.T) {
	ds := []District{
		{ID: "sg-mitte", Name: "Mitte", Municipality: "Solingen", Centre: &GeoPoint{Lat: 51.17, Lon: 7.08}},
		{ID: "sg-ohligs", Name: "Ohligs/Aufderhöhe/Merscheid", Municipality: "Solingen", Centre: &GeoPoint{Lat: 51.16, Lon: 7.01}},
		{ID: "sg-graefrath", Name: "Gräfrath", Municipality: "Solingen"},
	}
	poly := func(lat, lon float64) string {
		b := Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{square(lat, lon, 0.02)}}}
		s, _ := b.GeoJSON()
		return s
	}
	// As a portal publishes them: names in a property of its own choosing, one by id, one without umlauts.
	file := `{"type": "FeatureCollection", "features": [
	  {"type": "Feature", "properties": {"STADTBEZIRK": "OHLIGS / AUFDERHOEHE / MERSCHEID", "NR": 2}, "geometry": ` + poly(51.16, 7.01) + `},
	  {"type": "Feature", "id": "sg-mitte", "properties": {}, "geometry": ` + poly(51.17, 7.08) + `}]}`
	fs, err := ParseBoundaryFeatures([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	got, err := MatchBoundaries(ds, fs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "sg-mitte" || got[1].ID != "sg-ohligs" || got[0].Boundary == nil || got[1].Boundary == nil {
		t.Fatalf("matched %+v", got)
	}
	if !got[1].Boundary.Contains(*ds[1].Centre) {
		t.Error("Ohligs got another feature's geometry")
	}

	problems := func(file string) map[string]string {
		t.Helper()
		fs, err := ParseBoundaryFeatures([]byte(file))
		if err != nil {
			t.Fatal(err)
		}
		_, err = MatchBoundaries(ds, fs)
		return fields(t, err)
	}
	feature := func(name, geometry string) string {
		return `{"type": "Feature", "properties": {"name": "` + name + `"}, "geometry": ` + geometry + `}`
	}
	collection := func(fs ...string) string {
		return `{"type": "FeatureCollection", "features": [` + strings.Join(fs, ",") + `]}`
	}
	for _, c := range []struct {
		name, file, field, says string
	}{
		{"unknown name", collection(feature("Wald", poly(51.18, 7.04))), "features[0]", "names no district"},
		{"named twice", collection(feature("Mitte", poly(51.17, 7.08)), feature("Solingen-Mitte", poly(51.17, 7.08))), "features[1]", "features[0] already names"},
		{"no geometry", collection(feature("Gräfrath", "null")), "features[0].geometry", "got none"},
		{"centre outside", collection(feature("Mitte", poly(51.3, 7.2))), "features[0].geometry", "centre"},
		{"open ring", collection(feature("Gräfrath", `{"type":"Polygon","coordinates":[[[7,51.2],[7.1,51.2],[7.1,51.3],[7,51.25]]]}`)),
			"features[0].geometry.coordinates[0][3]", "not closed"},
	} {
		f := problems(c.file)
		if !strings.Contains(f[c.field], c.says) {
			t.Errorf("%s: problems %v, want %q on %s", c.name, f, c.says, c.field)
		}
	}
	if _, err := ParseBoundaryFeatures([]byte(`{"type": "Polygon", "coordinates": []}`)); err == nil {
		t.Error("a bare geometry was taken for a FeatureCollection")
	}
}
