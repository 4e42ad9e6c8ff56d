package directory

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// square is a closed ring around (lat, lon) with half-width d degrees.
func square(lat, lon, d float64) Ring {
	return Ring{{lon - d, lat - d}, {lon + d, lat - d}, {lon + d, lat + d}, {lon - d, lat + d}, {lon - d, lat - d}}
}

func fields(t *testing.T, err error) map[string]string {
	t.Helper()
	out := map[string]string{}
	if err == nil {
		return out
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("not a *ValidationError: %v", err)
	}
	for _, p := range ve.Problems {
		out[p.Field] = p.Message
	}
	return out
}

func TestBoundaryJSONRoundTrip(t *testing.T) {
	for _, text := range []string{
		`{"type":"Polygon","coordinates":[[[7,51],[7.1,51],[7.1,51.1],[7,51]]]}`,
		`{"type":"MultiPolygon","coordinates":[[[[7,51],[7.1,51],[7.1,51.1],[7,51]]],[[[7.2,51],[7.3,51],[7.3,51.1],[7.2,51]]]]}`,
	} {
		b, err := ParseBoundary(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		out, err := b.GeoJSON()
		if err != nil || out != text {
			t.Errorf("round trip:\n got %s (%v)\nwant %s", out, err, text)
		}
	}
	if b, err := ParseBoundary(""); b != nil || err != nil {
		t.Errorf(`ParseBoundary("") = %v, %v`, b, err)
	}
	if _, err := ParseBoundary(`{"type":"Polygon","coordinates":[[7,51]]}`); err == nil {
		t.Error("coordinates one level too shallow were accepted")
	}
	// An unknown type is read, and refused by validation with its field.
	b, err := ParseBoundary(`{"type":"Point","coordinates":[7,51]}`)
	if err != nil {
		t.Fatal(err)
	}
	d := District{ID: "d", Name: "D", Municipality: "M", Boundary: b}
	if f := fields(t, d.Validate()); !strings.Contains(f["boundary.type"], `"Point"`) {
		t.Errorf("unknown type: %v", f)
	}
}

func TestBoundaryValidate(t *testing.T) {
	centre := &GeoPoint{Lat: 51.17, Lon: 7.08}
	ok := &Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{square(51.17, 7.08, 0.02)}}}
	if err := (District{ID: "d", Name: "D", Municipality: "M", Centre: centre, Boundary: ok}).Validate(); err != nil {
		t.Fatalf("good boundary refused: %v", err)
	}

	open := square(51.17, 7.08, 0.02)
	open[4] = Position{7.0, 51.15}
	outside := square(51.17, 7.08, 0.02)
	outside[2] = Position{51.19, 7.1} // lat and lon swapped
	cases := []struct {
		name   string
		b      Boundary
		centre *GeoPoint
		field  string
	}{
		{"not closed", Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{open}}}, nil, "boundary.coordinates[0][4]"},
		{"outside NRW", Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{outside}}}, nil, "boundary.coordinates[0][2]"},
		{"short ring", Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{open[:3]}}}, nil, "boundary.coordinates[0]"},
		{"position of one number", Boundary{Type: BoundaryPolygon,
			Polygons: []Polygon{{Ring{{7.0, 51.1}, {7.1}, {7.1, 51.2}, {7.0, 51.1}}}}}, nil, "boundary.coordinates[0][1]"},
		{"multi: second polygon's hole", Boundary{Type: BoundaryMultiPolygon,
			Polygons: []Polygon{{square(51.17, 7.08, 0.02)}, {square(51.3, 7.2, 0.02), open}}}, nil, "boundary.coordinates[1][1][4]"},
		{"no polygons", Boundary{Type: BoundaryMultiPolygon}, nil, "boundary.coordinates"},
		{"centre outside", Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{square(51.30, 7.20, 0.02)}}}, centre, "boundary"},
	}
	for _, c := range cases {
		d := District{ID: "d", Name: "D", Municipality: "M", Centre: c.centre, Boundary: &c.b}
		f := fields(t, d.Validate())
		if _, found := f[c.field]; !found || len(f) != 1 {
			t.Errorf("%s: problems %v, want exactly one on %s", c.name, f, c.field)
		}
	}

	// In a snapshot the path carries the record.
	s := Snapshot{Format: SnapshotFormat, Districts: []District{
		{ID: "a", Name: "A", Municipality: "M"},
		{ID: "b", Name: "B", Municipality: "M", Boundary: &Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{open}}}},
	}}
	if f := fields(t, s.Validate()); f["districts[1].boundary.coordinates[0][4]"] == "" {
		t.Errorf("snapshot: %v", f)
	}
}

func TestBoundaryContains(t *testing.T) {
	withHole := Polygon{square(51.2, 7.1, 0.1), square(51.2, 7.1, 0.02)}
	b := Boundary{Type: BoundaryMultiPolygon, Polygons: []Polygon{withHole, {square(51.6, 7.5, 0.05)}}}
	for _, c := range []struct {
		at   GeoPoint
		want bool
	}{
		{GeoPoint{Lat: 51.25, Lon: 7.15}, true}, // in the ring around the hole
		{GeoPoint{Lat: 51.2, Lon: 7.1}, false},  // in the hole
		{GeoPoint{Lat: 51.6, Lon: 7.5}, true},   // in the second polygon
		{GeoPoint{Lat: 51.45, Lon: 7.3}, false}, // between them
		{GeoPoint{Lat: 51.2, Lon: 7.25}, false}, // east of the first
	} {
		if got := b.Contains(c.at); got != c.want {
			t.Errorf("Contains(%v) = %v, want %v", c.at, got, c.want)
		}
	}
}

func TestDistrictJSONWithBoundary(t *testing.T) {
	d := District{ID: "d", Name: "D", Municipality: "M",
		Boundary: &Boundary{Type: BoundaryPolygon, Polygons: []Polygon{{square(51.17, 7.08, 0.02)}}}}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"boundary":{"type":"Polygon","coordinates":[[[7.06`) {
		t.Errorf("district JSON: %s", b)
	}
	var back District
	if err := json.Unmarshal(b, &back); err != nil || back.Boundary == nil || len(back.Boundary.Polygons[0][0]) != 5 {
		t.Errorf("read back: %+v, %v", back, err)
	}
	if b, _ := json.Marshal(District{ID: "x"}); strings.Contains(string(b), "boundary") {
		t.Errorf("district without a boundary writes one: %s", b)
	}
}
