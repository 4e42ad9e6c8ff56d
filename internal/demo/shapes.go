package demo

import (
	"fmt"
	"math"
	"slices"

	"github.com/lotse-kim/lotse/internal/directory"
)

// Fictional district outlines. The demo's districts are real Stadtbezirke,
// but their outlines here are invented: a power diagram (a Voronoi partition
// weighted by each district's radius) of the district centres, clipped to an
// invented convex outline of the municipality. They tile the city without
// gaps or overlaps and look plausible on a map; they are not the official
// boundaries, which a city loads with `lotse districts import`.

// vec is a position in a flat local frame around a city's centre, in km
// (x east, y north); at the scale of a city the distortion is negligible.
type vec struct{ x, y float64 }

func (a vec) sub(b vec) vec     { return vec{a.x - b.x, a.y - b.y} }
func (a vec) dot(b vec) float64 { return a.x*b.x + a.y*b.y }
func (a vec) cross(b vec) float64 {
	return a.x*b.y - a.y*b.x
}

// frame converts between WGS 84 and the local frame of one city.
type frame struct{ lat0, lon0, kmPerDegLon float64 }

func newFrame(lat, lon float64) frame {
	return frame{lat, lon, kmPerDegLat * math.Cos(lat*math.Pi/180)}
}

func (f frame) to(lat, lon float64) vec {
	return vec{(lon - f.lon0) * f.kmPerDegLon, (lat - f.lat0) * kmPerDegLat}
}

func (f frame) position(v vec) directory.Position {
	return directory.Position{round6(f.lon0 + v.x/f.kmPerDegLon), round6(f.lat0 + v.y/kmPerDegLat)}
}

// halfPlane keeps the points p with n·p ≤ c.
type halfPlane struct {
	n vec
	c float64
}

// clip cuts a convex polygon (counter-clockwise) to a half-plane
// (Sutherland–Hodgman against one edge); the result stays convex.
func clip(poly []vec, h halfPlane) []vec {
	var out []vec
	for i, cur := range poly {
		prev := poly[(i+len(poly)-1)%len(poly)]
		dc, dp := h.n.dot(cur)-h.c, h.n.dot(prev)-h.c
		if (dc <= 0) != (dp <= 0) {
			t := dp / (dp - dc)
			out = append(out, vec{prev.x + t*(cur.x-prev.x), prev.y + t*(cur.y-prev.y)})
		}
		if dc <= 0 {
			out = append(out, cur)
		}
	}
	return out
}

// powerCells returns each site's cell of the power diagram with weights w
// (squared radii), clipped to the convex outline: the points x for which
// |x−sᵢ|² − wᵢ is smallest. Each bisector is a straight line, so every cell
// is convex and neighbours share their edges exactly.
func powerCells(sites []vec, w []float64, outline []vec) [][]vec {
	cells := make([][]vec, len(sites))
	for i, si := range sites {
		cell := slices.Clone(outline)
		for j, sj := range sites {
			if i == j {
				continue
			}
			// |x−sᵢ|² − wᵢ ≤ |x−sⱼ|² − wⱼ  ⇔  2x·(sⱼ−sᵢ) ≤ |sⱼ|² − |sᵢ|² − wⱼ + wᵢ
			n := sj.sub(si)
			cell = clip(cell, halfPlane{vec{2 * n.x, 2 * n.y}, sj.dot(sj) - si.dot(si) - w[j] + w[i]})
		}
		cells[i] = cell
	}
	return cells
}

// convexHull returns the hull of ps counter-clockwise (Andrew's monotone chain).
func convexHull(ps []vec) []vec {
	ps = slices.Clone(ps)
	slices.SortFunc(ps, func(a, b vec) int {
		if a.x != b.x {
			return cmpFloat(a.x, b.x)
		}
		return cmpFloat(a.y, b.y)
	})
	var hull []vec
	for pass := 0; pass < 2; pass++ {
		start := len(hull)
		for _, p := range ps {
			for len(hull) >= start+2 && hull[len(hull)-1].sub(hull[len(hull)-2]).cross(p.sub(hull[len(hull)-2])) <= 0 {
				hull = hull[:len(hull)-1]
			}
			hull = append(hull, p)
		}
		hull = hull[:len(hull)-1]
		slices.Reverse(ps)
	}
	return hull
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// outline invents a municipal outline around the districts: the convex
// hull of a ring of points around each district centre, at 1.1 to 1.35
// times the district's radius (wobbling with the city's name), so the city
// hugs its districts instead of being a circle around them.
func outline(code string, sites []vec, radii []float64) []vec {
	const n = 16
	ps := make([]vec, 0, n*len(sites))
	for i, s := range sites {
		for k := range n {
			a := 2 * math.Pi * float64(k) / n
			d := radii[i] * (1.1 + 0.25*hashUnit(fmt.Sprintf("%s/outline/%d/%d", code, i, k)))
			ps = append(ps, vec{s.x + d*math.Cos(a), s.y + d*math.Sin(a)})
		}
	}
	return convexHull(ps)
}

// boundaries invents outlines for the districts of a city (see above). A
// district's centre always lies inside its own outline: when weighting by
// radius would push a small district's centre into a big neighbour, the
// weights are softened, down to a plain Voronoi partition.
func boundaries(c citySpec, ds []districtSpec) []*directory.Boundary {
	f := newFrame(c.Lat, c.Lon)
	sites := make([]vec, len(ds))
	radii := make([]float64, len(ds))
	for i, d := range ds {
		sites[i], radii[i] = f.to(d.Lat, d.Lon), d.RadiusKm
	}
	hull := outline(c.Code, sites, radii)
	for _, soften := range []float64{1, 0.5, 0.25, 0} {
		w := make([]float64, len(ds))
		for i, r := range radii {
			w[i] = soften * r * r
		}
		cells := powerCells(sites, w, hull)
		out := make([]*directory.Boundary, len(ds))
		ok := true
		for i, cell := range cells {
			if len(cell) < 3 {
				ok = false
				break
			}
			ring := make(directory.Ring, 0, len(cell)+1)
			for _, v := range cell {
				ring = append(ring, f.position(v))
			}
			ring = append(ring, ring[0])
			b := &directory.Boundary{Type: directory.BoundaryPolygon, Polygons: []directory.Polygon{{ring}}}
			if !b.Contains(directory.GeoPoint{Lat: ds[i].Lat, Lon: ds[i].Lon}) {
				ok = false
				break
			}
			out[i] = b
		}
		if ok {
			return out
		}
	}
	return make([]*directory.Boundary, len(ds)) // never for distinct centres: a Voronoi cell holds its site
}
