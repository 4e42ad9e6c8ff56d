// Every cooperation proposal, by a then b (the columns of proposals_of).
MATCH (a:Organisation)-[r:PROPOSES_COOPERATION]->(b:Organisation)
RETURN a.id AS a, b.id AS b, r.since AS since, r.topics AS topics, r.proposedBy AS proposedBy
ORDER BY a, b
