package directory

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Boundary types: the two GeoJSON geometries a district's outline may be.
const (
	BoundaryPolygon      = "Polygon"
	BoundaryMultiPolygon = "MultiPolygon"
)

// NRW's bounding box (WGS 84) with a little margin: every Lotse district lies
// in North Rhine-Westphalia, so a boundary outside it is a mistake such as
// swapped coordinates or a projected (UTM) file.
const (
	NRWMinLon, NRWMaxLon = 5.80, 9.50
	NRWMinLat, NRWMaxLat = 50.30, 52.60
)

// MaxBoundaryPositions bounds the size of one boundary, so that a careless
// upload of a full-resolution cadastral outline cannot bloat every report.
const MaxBoundaryPositions = 20000

// Position is a GeoJSON position: [lon, lat], optionally with an altitude,
// which Lotse keeps but ignores.
type Position []float64

// Ring is a closed line of positions: the first equals the last.
type Ring []Position

// Polygon is an outer ring followed by its holes.
type Polygon []Ring

// Boundary is a district's outline: a GeoJSON Polygon or MultiPolygon
// geometry (RFC 7946, WGS 84). It reads and writes itself as that geometry,
// {"type": "Polygon", "coordinates": [...]}.
type Boundary struct {
	Type string
	// Polygons holds the polygons; a Polygon has exactly one.
	Polygons []Polygon
}

type geometryJSON struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// MarshalJSON writes the GeoJSON geometry.
func (b Boundary) MarshalJSON() ([]byte, error) {
	var coords any = b.Polygons
	if b.Type == BoundaryPolygon {
		var p Polygon
		if len(b.Polygons) > 0 {
			p = b.Polygons[0]
		}
		coords = p
	}
	return json.Marshal(struct {
		Type        string `json:"type"`
		Coordinates any    `json:"coordinates"`
	}{b.Type, coords})
}

// UnmarshalJSON reads a GeoJSON geometry. An unknown type is kept with no
// polygons, so that validation can name it; coordinates of the wrong shape
// are an error here.
func (b *Boundary) UnmarshalJSON(data []byte) error {
	var g geometryJSON
	if err := json.Unmarshal(data, &g); err != nil {
		return fmt.Errorf("a boundary must be a GeoJSON geometry object: %w", err)
	}
	*b = Boundary{Type: g.Type}
	raw := bytes.TrimSpace(g.Coordinates)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return nil
	}
	switch g.Type {
	case BoundaryPolygon:
		var p Polygon
		if err := json.Unmarshal(raw, &p); err != nil {
			return fmt.Errorf("the coordinates of a Polygon must be a list of rings of [lon, lat] positions: %w", err)
		}
		b.Polygons = []Polygon{p}
	case BoundaryMultiPolygon:
		if err := json.Unmarshal(raw, &b.Polygons); err != nil {
			return fmt.Errorf("the coordinates of a MultiPolygon must be a list of polygons of rings of [lon, lat] positions: %w", err)
		}
	}
	return nil
}

// ParseBoundary reads a boundary stored as GeoJSON text ("" = none).
func ParseBoundary(s string) (*Boundary, error) {
	if s == "" {
		return nil, nil
	}
	var b Boundary
	if err := json.Unmarshal([]byte(s), &b); err != nil {
		return nil, err
	}
	return &b, nil
}

// GeoJSON returns the boundary as GeoJSON text, "" for none: the stores keep
// it so.
func (b *Boundary) GeoJSON() (string, error) {
	if b == nil {
		return "", nil
	}
	out, err := json.Marshal(b)
	return string(out), err
}

// path names a position or ring in GeoJSON's own nesting:
// "coordinates[0][3]" for a Polygon, "coordinates[1][0][3]" for a MultiPolygon.
func (b Boundary) path(poly int, idx ...int) string {
	s := "coordinates"
	if b.Type == BoundaryMultiPolygon {
		s += fmt.Sprintf("[%d]", poly)
	}
	for _, i := range idx {
		s += fmt.Sprintf("[%d]", i)
	}
	return s
}

// ValidateInto records the boundary's problems in p, with paths such as
// "coordinates[0][3]": a known type, at least one polygon, rings of at least
// four positions that close, every position inside NRW.
func (b Boundary) ValidateInto(p Problems) {
	if b.Type != BoundaryPolygon && b.Type != BoundaryMultiPolygon {
		p.Add("type", "must be %q or %q, got %q", BoundaryPolygon, BoundaryMultiPolygon, b.Type)
		return
	}
	if len(b.Polygons) == 0 {
		p.Add("coordinates", "must hold at least one polygon")
		return
	}
	n := 0
	for pi, poly := range b.Polygons {
		if len(poly) == 0 {
			p.Add(b.path(pi), "a polygon needs an outer ring")
			continue
		}
		for ri, ring := range poly {
			n += len(ring)
			if len(ring) < 4 {
				p.Add(b.path(pi, ri), "a ring needs at least 4 positions (the first repeated at the end), got %d", len(ring))
				continue
			}
			ok := true
			for qi, pos := range ring {
				if !b.position(p, b.path(pi, ri, qi), pos) {
					ok = false
				}
			}
			if ok && !samePosition(ring[0], ring[len(ring)-1]) {
				p.Add(b.path(pi, ri, len(ring)-1), "the ring is not closed: the last position must equal the first %v", []float64(ring[0]))
			}
		}
	}
	if n > MaxBoundaryPositions {
		p.Add("coordinates", "must hold at most %d positions, got %d; simplify the outline", MaxBoundaryPositions, n)
	}
}

func (b Boundary) position(p Problems, field string, pos Position) bool {
	if len(pos) < 2 || len(pos) > 3 {
		p.Add(field, "a position is [lon, lat], got %d numbers", len(pos))
		return false
	}
	lon, lat := pos[0], pos[1]
	if !(lon >= NRWMinLon && lon <= NRWMaxLon && lat >= NRWMinLat && lat <= NRWMaxLat) {
		p.Add(field, "[%g, %g] lies outside North Rhine-Westphalia (lon %g..%g, lat %g..%g); positions are [lon, lat] in WGS 84",
			lon, lat, NRWMinLon, NRWMaxLon, NRWMinLat, NRWMaxLat)
		return false
	}
	return true
}

func samePosition(a, b Position) bool { return a[0] == b[0] && a[1] == b[1] }

// Contains reports whether g lies inside the boundary: inside an outer ring
// and in none of its holes (even-odd rule; a point on an edge may go either way).
func (b Boundary) Contains(g GeoPoint) bool {
	for _, poly := range b.Polygons {
		if len(poly) == 0 || !ringContains(poly[0], g) {
			continue
		}
		inHole := false
		for _, hole := range poly[1:] {
			if ringContains(hole, g) {
				inHole = true
				break
			}
		}
		if !inHole {
			return true
		}
	}
	return false
}

// ringContains casts a ray towards east and counts the edges it crosses.
func ringContains(r Ring, g GeoPoint) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		if len(r[i]) < 2 || len(r[j]) < 2 {
			continue
		}
		xi, yi, xj, yj := r[i][0], r[i][1], r[j][0], r[j][1]
		if (yi > g.Lat) != (yj > g.Lat) && g.Lon < (xj-xi)*(g.Lat-yi)/(yj-yi)+xi {
			in = !in
		}
	}
	return in
}
