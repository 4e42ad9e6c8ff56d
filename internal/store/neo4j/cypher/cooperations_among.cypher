// The cooperations whose both ends are among $ids, as one record holding
// [a, b, since, topics] lists (Go sorts them): one record per cooperation
// cost a goroutine each in the driver (65,332 at NRW scale).
UNWIND $ids AS id
MATCH (a:Organisation {id: id})-[r:COOPERATES_WITH]->(b:Organisation)
WHERE b.id IN $ids
RETURN collect([a.id, b.id, r.since, r.topics]) AS cooperations
