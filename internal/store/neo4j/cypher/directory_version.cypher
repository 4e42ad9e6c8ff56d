// The number of the latest directory change (0: none).
OPTIONAL MATCH (s:Sequence {id: 'directory'})
RETURN coalesce(s.value, 0) AS seq
