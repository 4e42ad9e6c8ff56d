package directory

import "math"

// Reach tells, for many origins at once, which of them have some point
// within a radius (DistanceKm ≤ radiusKm): the gap report asks it for every
// course of a city and the childcare offers around them. The points go into
// a grid of cells at least as large as the radius in each direction, so an
// origin compares itself only with the points of its own and its eight
// neighbouring cells. Longitudes are not wrapped at ±180°, as in the stores'
// bounding boxes.
type Reach struct {
	origins  []GeoPoint
	radiusKm float64
	dLat     float64 // the largest latitude difference within the radius, in degrees
	dLon     float64 // the largest longitude difference within the radius at these origins; 360: any
}

// NewReach prepares the question for origins and radiusKm.
func NewReach(origins []GeoPoint, radiusKm float64) *Reach {
	r := &Reach{origins: origins, radiusKm: radiusKm}
	// DistanceKm ≥ EarthRadiusKm·|Δlat| (in radians), so a point within the
	// radius is at most dLat degrees of latitude away; a hair of slack covers
	// rounding in DistanceKm.
	const slack = 1 + 1e-9
	rad := max(radiusKm, 0)
	r.dLat = rad / EarthRadiusKm * 180 / math.Pi * slack
	// Haversine: sin²(d/2R) ≥ cos(lat1)·cos(lat2)·sin²(Δlon/2), so within the
	// radius sin(Δlon/2) ≤ sin(r/2R) / cos(the largest |lat| around).
	maxAbsLat := 0.0
	for _, o := range origins {
		maxAbsLat = max(maxAbsLat, math.Abs(o.Lat))
	}
	cos := math.Cos(math.Min(90, maxAbsLat+r.dLat) * math.Pi / 180)
	r.dLon = 360
	if s := math.Sin(rad/EarthRadiusKm/2) / cos; cos > 1e-9 && s < 1 {
		r.dLon = math.Min(360, 2*math.Asin(s)*180/math.Pi*slack)
	}
	return r
}

// Box returns the box (degrees) that holds every point within the radius of
// some origin, for a store to read only the points that can matter.
func (r *Reach) Box() (minLat, maxLat, minLon, maxLon float64) {
	if len(r.origins) == 0 {
		return 0, 0, 0, 0
	}
	minLat, maxLat, minLon, maxLon = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, o := range r.origins {
		minLat, maxLat = math.Min(minLat, o.Lat), math.Max(maxLat, o.Lat)
		minLon, maxLon = math.Min(minLon, o.Lon), math.Max(maxLon, o.Lon)
	}
	return minLat - r.dLat, maxLat + r.dLat, minLon - r.dLon, maxLon + r.dLon
}

// AnyWithin reports for each origin (by its position in origins) whether
// some point lies within the radius of it.
func (r *Reach) AnyWithin(points []GeoPoint) []bool {
	out := make([]bool, len(r.origins))
	if len(points) == 0 {
		return out
	}
	cellLat, cellLon := math.Max(r.dLat, 1e-9), math.Max(r.dLon, 1e-9)
	type cell struct{ lat, lon int64 }
	at := func(p GeoPoint) cell {
		return cell{int64(math.Floor(p.Lat / cellLat)), int64(math.Floor(p.Lon / cellLon))}
	}
	grid := map[cell][]GeoPoint{}
	for _, p := range points {
		c := at(p)
		grid[c] = append(grid[c], p)
	}
	for i, o := range r.origins {
		c := at(o)
	search:
		for dLat := int64(-1); dLat <= 1; dLat++ {
			for dLon := int64(-1); dLon <= 1; dLon++ {
				for _, p := range grid[cell{c.lat + dLat, c.lon + dLon}] {
					if DistanceKm(o, p) <= r.radiusKm {
						out[i] = true
						break search
					}
				}
			}
		}
	}
	return out
}
