// Inserts or replaces organisations by id with their district and working
// groups (PART_OF is linked by organisation_link_parents once every
// organisation of a batch exists). MEMBER_OF carries the position of the
// group in the organisation's list, so that the list reads back in order.
// Returns only the rows whose district or working groups do not exist.
UNWIND $rows AS row
MERGE (g:Organisation {id: row.id})
SET g = row.props
WITH g, row
CALL (g) {
  MATCH (g)-[r:BASED_IN|MEMBER_OF]->()
  DELETE r
}
CALL (g, row) {
  MATCH (d:District {id: row.districtId})
  MERGE (g)-[:BASED_IN]->(d)
}
CALL (g, row) {
  UNWIND range(0, size(row.workingGroupIds) - 1) AS i
  MATCH (w:WorkingGroup {id: row.workingGroupIds[i]})
  MERGE (g)-[:MEMBER_OF {position: i}]->(w)
}
WITH g, row,
     row.districtId IS NOT NULL AND NOT EXISTS { (g)-[:BASED_IN]->(:District) } AS missingDistrict,
     [i IN range(0, size(row.workingGroupIds) - 1)
       WHERE NOT EXISTS { (g)-[:MEMBER_OF]->(:WorkingGroup {id: row.workingGroupIds[i]}) }] AS missingGroups
WHERE missingDistrict OR size(missingGroups) > 0
RETURN row.id AS id, missingDistrict, missingGroups
