// Every cooperation, by a then b, as one record holding [a, b, since,
// topics] lists: the cooperations among all organisations (cooperations_among
// would seek each of NRW's 25,852 organisations and test the other end
// against the list of all).
MATCH (a:Organisation)-[r:COOPERATES_WITH]->(b:Organisation)
WITH a.id AS aID, b.id AS bID, r.since AS since, r.topics AS topics
ORDER BY aID, bID
RETURN collect([aID, bID, since, topics]) AS cooperations
