// Turns the proposal from $a to $b (a < b) into a cooperation with its
// since and topics, in one statement; no row when there is no proposal.
MATCH (a:Organisation {id: $a})-[p:PROPOSES_COOPERATION]->(b:Organisation {id: $b})
MERGE (a)-[r:COOPERATES_WITH]->(b)
SET r = properties(p)
REMOVE r.proposedBy
WITH a, b, p, r
DELETE p
RETURN a.id AS a, b.id AS b, r.since AS since, r.topics AS topics
