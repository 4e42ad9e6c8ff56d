INSERT INTO districts (id, name, municipality, population, centre_lat, centre_lon, radius_km, boundary)
VALUES (:id, :name, :municipality, :population, :centre_lat, :centre_lon, :radius_km, :boundary)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, municipality = excluded.municipality, population = excluded.population,
    centre_lat = excluded.centre_lat, centre_lon = excluded.centre_lon, radius_km = excluded.radius_km,
    boundary = excluded.boundary
