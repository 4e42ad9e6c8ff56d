package directory

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDistanceKmCosRoundsAsBefore: DistanceKmCos with LatCos gives, bit for
// bit, what the haversine written out in one expression gives (the formula
// DistanceKm had before it was split): stores and the read index compare
// distances with a radius and order by them, so no rounding may move.
func TestDistanceKmCosRoundsAsBefore(t *testing.T) {
	before := func(a, b GeoPoint) float64 {
		const rad = math.Pi / 180
		dLat := (b.Lat - a.Lat) * rad
		dLon := (b.Lon - a.Lon) * rad
		h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
		return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
	}
	rnd := rand.New(rand.NewPCG(7, 7))
	for range 100_000 {
		a := GeoPoint{Lat: rnd.Float64()*180 - 90, Lon: rnd.Float64()*360 - 180}
		b := GeoPoint{Lat: a.Lat + rnd.NormFloat64(), Lon: a.Lon + rnd.NormFloat64()}
		if rnd.IntN(2) == 0 {
			b = GeoPoint{Lat: rnd.Float64()*180 - 90, Lon: rnd.Float64()*360 - 180}
		}
		want := before(a, b)
		if got := DistanceKmCos(a, b, LatCos(a.Lat), LatCos(b.Lat)); got != want {
			t.Fatalf("DistanceKmCos(%+v, %+v) = %v, the formula gives %v", a, b, got, want)
		}
		if got := DistanceKm(a, b); got != want {
			t.Fatalf("DistanceKm(%+v, %+v) = %v, the formula gives %v", a, b, got, want)
		}
	}
}
