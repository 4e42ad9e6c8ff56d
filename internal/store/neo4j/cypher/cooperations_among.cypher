// The cooperations whose both ends are among $ids, by a then b, as one
// record holding [a, b, since, topics] lists (one record per cooperation
// cost a goroutine each in the driver: 65,332 at NRW scale).
UNWIND $ids AS id
MATCH (a:Organisation {id: id})-[r:COOPERATES_WITH]->(b:Organisation)
WHERE b.id IN $ids
WITH a.id AS aID, b.id AS bID, r.since AS since, r.topics AS topics
ORDER BY aID, bID
RETURN collect([aID, bID, since, topics]) AS cooperations
