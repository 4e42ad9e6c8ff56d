package storetest

import (
	"reflect"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// ---- district boundaries ----

// box is a closed ring around c with half-width d degrees, counter-clockwise.
func box(c directory.GeoPoint, d float64) directory.Ring {
	return directory.Ring{{c.Lon - d, c.Lat - d}, {c.Lon + d, c.Lat - d}, {c.Lon + d, c.Lat + d}, {c.Lon - d, c.Lat + d}, {c.Lon - d, c.Lat - d}}
}

// boundaryDistricts are the fixture districts with outlines: Mitte a polygon
// with a hole, Ohligs a multipolygon, Elberfeld none.
func boundaryDistricts() []directory.District {
	ds := fixtureDistricts()
	ds[0].Boundary = &directory.Boundary{Type: directory.BoundaryPolygon,
		Polygons: []directory.Polygon{{box(pCafe, 0.02), box(directory.GeoPoint{Lat: pCafe.Lat + 0.01, Lon: pCafe.Lon}, 0.003)}}}
	ds[1].Boundary = &directory.Boundary{Type: directory.BoundaryMultiPolygon,
		Polygons: []directory.Polygon{{box(pOhligs, 0.025)}, {box(directory.GeoPoint{Lat: 51.13, Lon: 6.98}, 0.005)}}}
	return ds
}

func testDistrictBoundaries(t *testing.T, s store.Store) {
	want := boundaryDistricts()
	if err := s.PutDistricts(t.Context(), want); err != nil {
		t.Fatal(err)
	}
	byID := map[string]directory.District{}
	for _, d := range want {
		byID[d.ID] = d
	}
	same := func(what string, got []directory.District) {
		t.Helper()
		if len(got) == 0 {
			t.Errorf("%s: no districts", what)
		}
		for _, d := range got {
			if !reflect.DeepEqual(d, byID[d.ID]) {
				t.Errorf("%s, district %s:\n got %s\nwant %s", what, d.ID, dump(d), dump(byID[d.ID]))
			}
		}
	}
	all, err := s.Districts(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	same("Districts", all)
	some, err := s.DistrictsByID(t.Context(), []string{"sg-mitte", "sg-ohligs", "wt-elberfeld"})
	if err != nil {
		t.Fatal(err)
	}
	same("DistrictsByID", some)
	facts, err := s.GapFacts(t.Context(), store.GapQuery{Municipality: "Solingen", ChildcareRadiusKm: 1})
	if err != nil {
		t.Fatal(err)
	}
	same("GapFacts.Districts", facts.Districts)
	snap, err := s.Export(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	same("Export", snap.Districts)

	// Replacing a district without a boundary removes it.
	plain := fixtureDistricts()[1]
	if err := s.PutDistricts(t.Context(), []directory.District{plain}); err != nil {
		t.Fatal(err)
	}
	got, err := s.DistrictsByID(t.Context(), []string{plain.ID})
	if err != nil || len(got) != 1 || got[0].Boundary != nil {
		t.Errorf("after replacing without a boundary: %s, %v", dump(got), err)
	}

	// Import carries boundaries; export gives them back.
	in := fixtureSnapshot()
	in.Districts = boundaryDistricts()
	if err := s.Import(t.Context(), in); err != nil {
		t.Fatal(err)
	}
	if snap, err = s.Export(t.Context()); err != nil {
		t.Fatal(err)
	}
	same("Export after Import", snap.Districts)
}
