// The districts of a municipality ($municipality null = all).
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
RETURN d {.*} AS district
ORDER BY d.municipality, d.name, d.id
