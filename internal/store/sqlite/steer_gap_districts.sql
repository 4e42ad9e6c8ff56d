SELECT id, name, municipality, population, centre_lat, centre_lon, radius_km
FROM districts
WHERE :municipality = '' OR municipality = :municipality
ORDER BY municipality, name, id
