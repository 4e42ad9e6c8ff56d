// Inserts or replaces offers by id with their provider, district and
// vocabulary relationships. The vocabulary lists are also kept as list
// properties (needs, targetGroups, languages, legalCircuits) because they
// must read back in the order they were written; filters and steering use
// the relationships; so are providerId and districtId (row.props), which the
// offer search reads instead of expanding PROVIDES and LOCATED_IN. Returns
// only the rows whose provider or district does not exist.
UNWIND $rows AS row
MERGE (o:Offer {id: row.id})
SET o = row.props
WITH o, row
CALL (o) {
  MATCH (o)-[r:LOCATED_IN|ADDRESSES|SERVES|HELD_IN|ELIGIBLE_UNDER]->()
  DELETE r
}
CALL (o) {
  MATCH (:Organisation)-[r:PROVIDES]->(o)
  DELETE r
}
CALL (o, row) {
  MATCH (p:Organisation {id: row.providerId})
  MERGE (p)-[:PROVIDES]->(o)
}
CALL (o, row) {
  MATCH (d:District {id: row.districtId})
  MERGE (o)-[:LOCATED_IN]->(d)
}
CALL (o, row) {
  UNWIND row.needs AS code
  MERGE (n:Need {code: code})
  MERGE (o)-[:ADDRESSES]->(n)
}
CALL (o, row) {
  UNWIND row.targetGroups AS code
  MERGE (t:TargetGroup {code: code})
  MERGE (o)-[:SERVES]->(t)
}
CALL (o, row) {
  UNWIND row.languages AS code
  MERGE (l:Language {code: code})
  MERGE (o)-[:HELD_IN]->(l)
}
CALL (o, row) {
  UNWIND row.legalCircuits AS code
  MERGE (c:LegalCircuit {code: code})
  MERGE (o)-[:ELIGIBLE_UNDER]->(c)
}
WITH o, row,
     NOT EXISTS { (:Organisation)-[:PROVIDES]->(o) } AS missingProvider,
     row.districtId IS NOT NULL AND NOT EXISTS { (o)-[:LOCATED_IN]->(:District) } AS missingDistrict
WHERE missingProvider OR missingDistrict
RETURN row.id AS id, missingProvider, missingDistrict
