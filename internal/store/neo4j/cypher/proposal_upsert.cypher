// Stores a proposed cooperation once, from the lower id to the higher, as a
// relationship of its own: every read of COOPERATES_WITH (and so the
// network analysis) counts confirmed cooperations only.
MATCH (a:Organisation {id: $a})
MATCH (b:Organisation {id: $b})
MERGE (a)-[r:PROPOSES_COOPERATION]->(b)
SET r = $props
RETURN count(r) AS stored
