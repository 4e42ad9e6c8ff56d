// Offers within $r metres of a point.
MATCH (o:Offer)
WHERE point.distance(o.location, point({latitude: $lat, longitude: $lon})) < $r
RETURN o
