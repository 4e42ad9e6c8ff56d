UNWIND $ids AS id
MATCH (:Organisation {id: id})-[r:PROPOSES_COOPERATION]-(:Organisation)
WITH DISTINCT r
RETURN startNode(r).id AS a, endNode(r).id AS b, r.since AS since, r.topics AS topics, r.proposedBy AS proposedBy
ORDER BY a, b
