UNWIND $ids AS id
MATCH (w:WorkingGroup {id: id})
WITH DISTINCT w
RETURN w {.*} AS workingGroup
ORDER BY w.id
