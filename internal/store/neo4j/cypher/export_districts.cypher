MATCH (d:District)
RETURN d {.*} AS district
ORDER BY d.id
