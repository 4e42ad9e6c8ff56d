package directory

import (
	"math/rand/v2"
	"testing"
)

// TestReachAgreesWithEveryPair compares Reach with the plain check of every
// origin against every point, on clouds whose points lie around the radius
// (in NRW, near the poles and across a cell's border), and checks that every
// point within reach lies in Box.
func TestReachAgreesWithEveryPair(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, tc := range []struct {
		name             string
		lat, lon, spread float64
		radiusKm         float64
	}{
		{"NRW city, 1 km", 50.94, 6.96, 0.1, 1},
		{"NRW, 1 km over the whole state", 51.4, 7.5, 1.5, 1},
		{"NRW, 15 km", 51.4, 7.5, 1.5, 15},
		{"near the pole", 89.9, 0, 0.2, 5},
		{"at the equator", 0, 10, 0.05, 0.5},
		{"southern hemisphere", -33.9, 18.4, 0.05, 2},
		{"radius 0", 50.94, 6.96, 0.001, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pt := func() GeoPoint {
				return GeoPoint{Lat: tc.lat + (rng.Float64()*2-1)*tc.spread, Lon: tc.lon + (rng.Float64()*2-1)*tc.spread}
			}
			origins, points := make([]GeoPoint, 600), make([]GeoPoint, 400)
			for i := range origins {
				origins[i] = pt()
			}
			for i := range points {
				points[i] = pt()
			}
			// Some points exactly at an origin, some just inside and outside its radius.
			for i := 0; i < 60; i++ {
				o := origins[rng.IntN(len(origins))]
				minLat, maxLat, _, _ := BoundingBox(o, tc.radiusKm)
				switch i % 3 {
				case 0:
					points = append(points, o)
				case 1:
					points = append(points, GeoPoint{Lat: o.Lat + (maxLat-o.Lat)*0.999999, Lon: o.Lon})
				default:
					points = append(points, GeoPoint{Lat: minLat - 1e-9, Lon: o.Lon})
				}
			}
			r := NewReach(origins, tc.radiusKm)
			got := r.AnyWithin(points)
			minLat, maxLat, minLon, maxLon := r.Box()
			near := 0
			for i, o := range origins {
				want := false
				for _, p := range points {
					if DistanceKm(o, p) <= tc.radiusKm {
						want = true
						if p.Lat < minLat || p.Lat > maxLat || p.Lon < minLon || p.Lon > maxLon {
							t.Fatalf("point %v within %g km of %v lies outside the box [%g,%g]×[%g,%g]", p, tc.radiusKm, o, minLat, maxLat, minLon, maxLon)
						}
					}
				}
				if got[i] != want {
					t.Fatalf("origin %d %v: AnyWithin %v, every pair says %v", i, o, got[i], want)
				}
				if want {
					near++
				}
			}
			if near == 0 || near == len(origins) && tc.radiusKm > 0 && tc.spread > 1 {
				t.Fatalf("%d of %d origins have a point near: the case tests nothing", near, len(origins))
			}
		})
	}
}

func TestReachWithoutPoints(t *testing.T) {
	r := NewReach([]GeoPoint{{Lat: 51, Lon: 7}}, 1)
	if got := r.AnyWithin(nil); len(got) != 1 || got[0] {
		t.Fatalf("AnyWithin(nil) = %v, want [false]", got)
	}
	if a, b, c, d := NewReach(nil, 1).Box(); a != 0 || b != 0 || c != 0 || d != 0 {
		t.Fatalf("Box of no origins = %g %g %g %g, want zeros", a, b, c, d)
	}
}
