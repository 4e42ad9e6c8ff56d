package directory

import "math"

// EarthRadiusKm is the mean earth radius used for all distances in Lotse.
const EarthRadiusKm = 6371.0088

// DistanceKm is the great-circle (haversine) distance between a and b.
func DistanceKm(a, b GeoPoint) float64 {
	return DistanceKmCos(a, b, LatCos(a.Lat), LatCos(b.Lat))
}

const degree = math.Pi / 180

// LatCos is the cosine of a latitude in degrees, as DistanceKmCos takes it.
func LatCos(lat float64) float64 { return math.Cos(lat * degree) }

// DistanceKmCos is DistanceKm given the cosines of both latitudes (LatCos):
// a search that measures many points from one centre keeps them instead of
// computing two of DistanceKm's six sines and cosines per point. Never
// inlined, so that every caller gets the very same rounding as DistanceKm.
//
//go:noinline
func DistanceKmCos(a, b GeoPoint, cosA, cosB float64) float64 {
	return KmOfHaversine(HaversineCos(a, b, cosA, cosB))
}

// HaversineCos is the haversine term h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2)
// of DistanceKmCos, bit for bit: the distance KmOfHaversine(h) never falls
// as h grows, so a search can order and bound by h and compute the arc sine
// only where h alone cannot decide. Never inlined, for the same rounding.
//
//go:noinline
func HaversineCos(a, b GeoPoint, cosA, cosB float64) float64 {
	dLat := (b.Lat - a.Lat) * degree
	dLon := (b.Lon - a.Lon) * degree
	sLat, sLon := math.Sin(dLat/2), math.Sin(dLon/2)
	return sLat*sLat + cosA*cosB*sLon*sLon
}

// KmOfHaversine is the distance of a haversine term h (HaversineCos).
//
//go:noinline
func KmOfHaversine(h float64) float64 {
	return 2 * EarthRadiusKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// BoundingBox returns the lat/lon box that contains every point within
// radiusKm of c; stores use it to narrow a radius search with an index.
func BoundingBox(c GeoPoint, radiusKm float64) (minLat, maxLat, minLon, maxLon float64) {
	dLat := radiusKm / EarthRadiusKm * 180 / math.Pi
	cos := math.Cos(c.Lat * math.Pi / 180)
	dLon := 180.0
	if cos > 1e-9 {
		dLon = math.Min(180, dLat/cos)
	}
	return c.Lat - dLat, c.Lat + dLat, c.Lon - dLon, c.Lon + dLon
}
