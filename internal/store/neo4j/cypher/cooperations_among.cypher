// The cooperations whose both ends are among $ids.
UNWIND $ids AS id
MATCH (a:Organisation {id: id})-[r:COOPERATES_WITH]->(b:Organisation)
WHERE b.id IN $ids
RETURN a.id AS a, b.id AS b, r.since AS since, r.topics AS topics
ORDER BY a, b
