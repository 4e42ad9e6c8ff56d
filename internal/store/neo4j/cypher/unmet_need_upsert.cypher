// Inserts or replaces unmet needs by id; returns the rows whose district
// does not exist.
UNWIND $rows AS row
MERGE (u:UnmetNeed {id: row.id})
SET u = row.props
WITH u, row
CALL (u) {
  MATCH (u)-[r:IN]->()
  DELETE r
}
CALL (u, row) {
  MATCH (d:District {id: row.districtId})
  MERGE (u)-[:IN]->(d)
}
WITH u, row
WHERE NOT EXISTS { (u)-[:IN]->(:District) }
RETURN row.id AS id
