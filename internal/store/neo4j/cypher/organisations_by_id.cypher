// The organisations among $ids, as one record holding their maps (Go sorts
// them by id): a gap report asks for Dortmund's 686 providers at once, and
// one record per organisation costs a goroutine each in the driver.
UNWIND $ids AS id
MATCH (g:Organisation {id: id})
WITH DISTINCT g
RETURN collect(g {.*,
                  parentId: [(g)-[:PART_OF]->(p:Organisation) | p.id][0],
                  districtId: [(g)-[:BASED_IN]->(d:District) | d.id][0],
                  workingGroups: [(g)-[m:MEMBER_OF]->(w:WorkingGroup) | {id: w.id, position: m.position}]
               }) AS organisations
