package directory

import "math"

// EarthRadiusKm is the mean earth radius used for all distances in Lotse.
const EarthRadiusKm = 6371.0088

// DistanceKm is the great-circle (haversine) distance between a and b.
func DistanceKm(a, b GeoPoint) float64 {
	const rad = math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
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
