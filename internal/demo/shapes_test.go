package demo

import (
	"math"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
)

func TestClipAndHull(t *testing.T) {
	square := []vec{{0, 0}, {2, 0}, {2, 2}, {0, 2}}
	// Keep x ≤ 1: the left half.
	half := clip(square, halfPlane{vec{1, 0}, 1})
	if area(half) != 2 {
		t.Errorf("left half %v has area %g, want 2", half, area(half))
	}
	hull := convexHull([]vec{{0, 0}, {2, 0}, {1, 1}, {2, 2}, {0, 2}, {1, 0.5}})
	if len(hull) != 4 || area(hull) != 4 {
		t.Errorf("hull %v, want the square", hull)
	}
}

// area is the signed area (positive counter-clockwise), by the shoelace formula.
func area(p []vec) float64 {
	s := 0.0
	for i := range p {
		s += p[i].cross(p[(i+1)%len(p)])
	}
	return s / 2
}

// The cells of a power diagram tile the outline: their areas add up to its area.
func TestPowerCellsTile(t *testing.T) {
	sites := []vec{{0, 0}, {3, 1}, {-2, 2}, {1, -3}}
	outline := []vec{{-6, -6}, {6, -6}, {6, 6}, {-6, 6}}
	cells := powerCells(sites, []float64{4, 1, 2.25, 1}, outline)
	sum := 0.0
	for i, c := range cells {
		a := area(c)
		if a <= 0 {
			t.Errorf("cell %d is empty or clockwise: %v", i, c)
		}
		sum += a
	}
	if math.Abs(sum-144) > 1e-9 {
		t.Errorf("cells cover %g km², want 144", sum)
	}
}

// Every generated district, in the demo and at NRW scale, has a valid
// outline around its centre, and a city's outlines do not overlap: the
// centre of each district lies in no other district's outline.
func TestDistrictOutlines(t *testing.T) {
	s := NRW(1)
	byCity := map[string][]directory.District{}
	for _, d := range s.Districts {
		if d.Boundary == nil {
			t.Fatalf("%s has no outline", d.ID)
		}
		if err := d.Validate(); err != nil {
			t.Errorf("%s: %v", d.ID, err)
		}
		byCity[d.Municipality] = append(byCity[d.Municipality], d)
	}
	for city, ds := range byCity {
		for _, a := range ds {
			for _, b := range ds {
				if a.ID != b.ID && b.Boundary.Contains(*a.Centre) {
					t.Errorf("%s: the centre of %s lies in the outline of %s", city, a.Name, b.Name)
				}
			}
		}
	}
	if len(byCity) != 54 {
		t.Errorf("%d municipalities, want 54", len(byCity))
	}
}

// The demo's offers mostly lie in their own district's outline (they are
// drawn around the district centre, the outlines are cut between centres).
func TestOffersInTheirOutline(t *testing.T) {
	s := Demo()
	outline := map[string]*directory.Boundary{}
	for _, d := range s.Districts {
		outline[d.ID] = d.Boundary
	}
	in, all := 0, 0
	for _, o := range s.Offers {
		if o.Location == nil || o.DistrictID == "" {
			continue
		}
		all++
		if outline[o.DistrictID].Contains(*o.Location) {
			in++
		}
	}
	t.Logf("%d of %d placed offers lie in their district's outline", in, all)
	if share := float64(in) / float64(all); share < 0.85 {
		t.Errorf("only %d of %d placed offers (%.0f %%) lie in their district's outline", in, all, 100*share)
	}
}
