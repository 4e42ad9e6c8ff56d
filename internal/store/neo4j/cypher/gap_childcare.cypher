// The active CHILDCARE and PASSAGE_GROUP offers in a box (the courses' box
// widened by the childcare radius: directory.Reach), in any district or
// none, as one record holding [id, lat, lon] lists; Go decides which
// courses have one within reach, as the embedded store does, and keeps
// them by id for later changes (gapBase). The point index finds the offers
// in the box; the CASE reads the category first.
MATCH (c:Offer)
WHERE point.withinBBox(c.location,
                       point({latitude: $minLat, longitude: $minLon}),
                       point({latitude: $maxLat, longitude: $maxLon}))
  AND CASE WHEN c.category IN ['CHILDCARE', 'PASSAGE_GROUP'] THEN c.status = 'ACTIVE' ELSE false END
RETURN collect([c.id, c.location.latitude, c.location.longitude]) AS positions
