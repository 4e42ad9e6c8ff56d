MATCH (w:WorkingGroup)
RETURN w {.*} AS workingGroup
ORDER BY w.id
