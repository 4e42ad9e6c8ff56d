// Every cooperation, as one record holding [a, b, since, topics] lists (Go
// sorts them): the cooperations among all organisations (cooperations_among
// would seek each of NRW's 25,852 organisations and test the other end
// against the list of all).
MATCH (a:Organisation)-[r:COOPERATES_WITH]->(b:Organisation)
RETURN collect([a.id, b.id, r.since, r.topics]) AS cooperations
