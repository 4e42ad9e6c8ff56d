MATCH (a:Organisation)-[r:COOPERATES_WITH]->(b:Organisation)
RETURN a.id AS a, b.id AS b, r.since AS since, r.topics AS topics
ORDER BY a, b
