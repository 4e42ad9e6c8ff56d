package readindex

import (
	"math/rand/v2"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
)

// TestInnerBoxLiesInsideTheRadius: every point of a query's inner box is
// within the radius by directory.DistanceKm itself (the stores' test), for
// centres from pole to pole, radii from metres to half the earth, and
// points across the antimeridian; and the box is not empty where it
// matters (a city's radius, NRW's 1,000 km).
func TestInnerBoxLiesInsideTheRadius(t *testing.T) {
	rnd := rand.New(rand.NewPCG(16, 3))
	radii := []float64{0.001, 0.5, 5, 15, 100, 1000, 5000, 15000, 19000, 20015, 25000}
	for i := range 200_000 {
		c := directory.GeoPoint{Lat: rnd.Float64()*180 - 90, Lon: rnd.Float64()*360 - 180}
		if i%4 == 0 {
			c.Lat = rnd.Float64()*20 + 45 // where the offers are
		}
		r := radii[i%len(radii)]
		dLat, dLon := innerBox(c.Lat, r)
		if dLat < 0 {
			continue
		}
		// A point in the box, often on its edge or corner (a hair inside:
		// adding and subtracting rounds).
		edge := func(d float64) float64 {
			d *= 1 - 1e-6
			switch rnd.IntN(3) {
			case 0:
				return d
			case 1:
				return -d
			}
			return (rnd.Float64()*2 - 1) * d
		}
		p := directory.GeoPoint{Lat: c.Lat + edge(min(dLat, 180)), Lon: c.Lon + edge(min(dLon, 360))}
		if p.Lat < -90 || p.Lat > 90 {
			continue // no offer lies there
		}
		q := query{lat: c.Lat, lon: c.Lon, inLat: dLat, inLon: dLon}
		if !q.inside(&row{lat: p.Lat, lon: p.Lon}) {
			t.Fatalf("the box's own point %+v is not inside it (centre %+v, ±%g, ±%g, r %g)", p, c, dLat, dLon, r)
		}
		if d := directory.DistanceKm(c, p); d > r {
			t.Fatalf("centre %+v radius %g km: box ±%g° lat ±%g° lon holds %+v at %g km", c, r, dLat, dLon, p, d)
		}
	}
	for _, tc := range []struct{ lat, r, minLat, minLon float64 }{
		{51.2, 15, 0.09, 0.14}, // a city: about 9.5 of 15 km each way
		{51.5, 1000, 6.2, 8.5}, // all of NRW from its centre
	} {
		dLat, dLon := innerBox(tc.lat, tc.r)
		if dLat < tc.minLat || dLon < tc.minLon {
			t.Errorf("innerBox(%g, %g km) = ±%g° lat, ±%g° lon; want at least ±%g°, ±%g°", tc.lat, tc.r, dLat, dLon, tc.minLat, tc.minLon)
		}
	}
}
