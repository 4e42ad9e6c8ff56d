package directory

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// BoundaryFeature is one feature of a GeoJSON file of district outlines, as
// cities publish them on their open-data portals.
type BoundaryFeature struct {
	ID         any            `json:"id"` // a string or a number, when given
	Properties map[string]any `json:"properties"`
	Geometry   *Boundary      `json:"geometry"`
}

// ParseBoundaryFeatures reads a GeoJSON FeatureCollection (or one Feature).
func ParseBoundaryFeatures(data []byte) ([]BoundaryFeature, error) {
	var doc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("not a GeoJSON document: %w", err)
	}
	raws := doc.Features
	switch doc.Type {
	case "FeatureCollection":
	case "Feature":
		raws = []json.RawMessage{data}
	default:
		return nil, fmt.Errorf("type: a file of district outlines is a GeoJSON FeatureCollection, got %q", doc.Type)
	}
	out := make([]BoundaryFeature, len(raws))
	for i, raw := range raws {
		if err := json.Unmarshal(raw, &out[i]); err != nil {
			return nil, fmt.Errorf("features[%d]: %w", i, err)
		}
	}
	return out, nil
}

// names are the texts a feature may name its district by: its id and every
// text (or whole number) among its properties, since portals call the field
// NAME, Stadtbezirk, BEZ_NAME or anything else.
func (f BoundaryFeature) names() []string {
	var out []string
	add := func(v any) {
		switch v := v.(type) {
		case string:
			if strings.TrimSpace(v) != "" {
				out = append(out, strings.TrimSpace(v))
			}
		case float64:
			if v == float64(int64(v)) {
				out = append(out, strconv.FormatInt(int64(v), 10))
			}
		}
	}
	add(f.ID)
	keys := make([]string, 0, len(f.Properties))
	for k := range f.Properties {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		add(f.Properties[k])
	}
	return out
}

// namedBy reports whether text names d: its id exactly, or its name (also
// prefixed with the municipality, "Solingen-Mitte") after folding case,
// umlauts and punctuation.
func (d District) namedBy(text string) bool {
	if text == d.ID {
		return true
	}
	f := nameKey(text)
	return f != "" && (f == nameKey(d.Name) || f == nameKey(d.Municipality+" "+d.Name))
}

var umlauts = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue")

// nameKey folds a name so that "Aufderhöhe", "AUFDERHOEHE" and "Aufderhoehe" agree.
func nameKey(s string) string { return Fold(umlauts.Replace(strings.ToLower(s))) }

// MatchBoundaries gives districts of ds the geometries of the features that
// name them (by id or by name) and validates the result. Every feature must
// name exactly one district, and no district may be named twice; problems
// are named by the feature ("features[3]", "features[3].geometry.coordinates[0][4]").
// It returns the changed districts in the order of ds; districts no feature
// names are left out (and keep their boundary).
func MatchBoundaries(ds []District, fs []BoundaryFeature) ([]District, error) {
	p := NewProblems()
	byDistrict := map[int]int{} // index in ds → index in fs
	for fi, f := range fs {
		at := p.At(fmt.Sprintf("features[%d]", fi))
		var hits []int
		for _, name := range f.names() {
			for di, d := range ds {
				if d.namedBy(name) && !slices.Contains(hits, di) {
					hits = append(hits, di)
				}
			}
		}
		switch {
		case len(hits) == 0:
			at.Add("", "names no district (by id or name) among %s; its texts are %q", districtNames(ds), f.names())
			continue
		case len(hits) > 1:
			at.Add("", "names several districts: %s", districtNames(pick(ds, hits)))
			continue
		}
		di := hits[0]
		if prev, taken := byDistrict[di]; taken {
			at.Add("", "names district %q, which features[%d] already names", ds[di].Name, prev)
			continue
		}
		byDistrict[di] = fi
		if f.Geometry == nil {
			at.Add("geometry", "must be a Polygon or MultiPolygon, got none")
			continue
		}
		d := ds[di]
		d.Boundary = f.Geometry
		d.ValidateBoundaryInto(at.At("geometry"))
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	var out []District
	for di, d := range ds {
		if fi, ok := byDistrict[di]; ok {
			d.Boundary = fs[fi].Geometry
			out = append(out, d)
		}
	}
	return out, nil
}

func pick(ds []District, idx []int) []District {
	out := make([]District, len(idx))
	for i, j := range idx {
		out[i] = ds[j]
	}
	return out
}

func districtNames(ds []District) string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = fmt.Sprintf("%q (%s)", d.Name, d.ID)
	}
	return strings.Join(names, ", ")
}
