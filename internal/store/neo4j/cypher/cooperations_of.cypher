UNWIND $ids AS id
MATCH (:Organisation {id: id})-[r:COOPERATES_WITH]-(:Organisation)
WITH DISTINCT r
RETURN startNode(r).id AS a, endNode(r).id AS b, r.since AS since, r.topics AS topics
ORDER BY a, b
