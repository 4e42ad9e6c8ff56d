-- Districts of one municipality (NULL: all), by municipality then name; or,
-- with :ids, the districts among those ids; or, with :all, every district by id.
SELECT id, name, municipality, population, centre_lat, centre_lon, radius_km, boundary
FROM districts
WHERE (:municipality IS NULL OR municipality = :municipality)
  AND (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))
ORDER BY CASE WHEN :by_id THEN id END, municipality, name, id
