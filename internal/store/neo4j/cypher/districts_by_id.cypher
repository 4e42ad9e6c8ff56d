UNWIND $ids AS id
MATCH (d:District {id: id})
WITH DISTINCT d
RETURN d {.*} AS district
ORDER BY d.id
