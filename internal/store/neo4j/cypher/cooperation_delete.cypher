// Either order: cooperations are read undirected.
MATCH (:Organisation {id: $a})-[r:COOPERATES_WITH]-(:Organisation {id: $b})
DELETE r
RETURN count(*) AS deleted
