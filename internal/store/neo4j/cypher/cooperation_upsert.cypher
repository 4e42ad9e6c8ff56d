// Stores each cooperation once, from the lower id (row.a) to the higher
// (row.b), replacing a proposal of the pair; returns the rows whose
// organisations do not both exist.
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Organisation {id: row.a})
  MATCH (b:Organisation {id: row.b})
  MERGE (a)-[r:COOPERATES_WITH]->(b)
  SET r = row.props
  WITH a, b
  OPTIONAL MATCH (a)-[p:PROPOSES_COOPERATION]->(b)
  DELETE p
}
WITH row
WHERE NOT EXISTS { (:Organisation {id: row.a})-[:COOPERATES_WITH]->(:Organisation {id: row.b}) }
RETURN row.a AS a, row.b AS b,
       EXISTS { (:Organisation {id: row.a}) } AS foundA,
       EXISTS { (:Organisation {id: row.b}) } AS foundB
