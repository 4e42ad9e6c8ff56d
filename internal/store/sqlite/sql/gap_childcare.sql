-- The exact positions of the active CHILDCARE and PASSAGE_GROUP offers in a
-- box (:min_lat, :max_lat, :min_lon, :max_lon: the courses' box widened by the
-- childcare radius), in any district or none: childcare_geo (the R*Tree of
-- those offers, 0002_steering.sql) finds them, offers holds their exact
-- positions; CROSS JOIN makes the R*Tree drive.
SELECT k.lat, k.lon
FROM childcare_geo g
CROSS JOIN offers k ON k.rid = g.rid
WHERE g.max_lat >= :min_lat AND g.min_lat <= :max_lat
  AND g.max_lon >= :min_lon AND g.min_lon <= :max_lon
