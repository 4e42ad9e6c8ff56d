// Replaces the PART_OF link of each organisation; returns the rows whose
// parent does not exist.
UNWIND $rows AS row
MATCH (g:Organisation {id: row.id})
CALL (g) {
  MATCH (g)-[r:PART_OF]->()
  DELETE r
}
CALL (g, row) {
  MATCH (p:Organisation {id: row.parentId})
  MERGE (g)-[:PART_OF]->(p)
}
WITH g, row
WHERE row.parentId IS NOT NULL AND NOT EXISTS { (g)-[:PART_OF]->(:Organisation) }
RETURN row.id AS id
