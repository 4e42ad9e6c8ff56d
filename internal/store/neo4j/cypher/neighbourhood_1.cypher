// The organisations within 1 cooperation hops of $id, including it. Only
// distinct end nodes are asked for, so Neo4j expands breadth-first with
// pruning instead of enumerating paths.
MATCH (s:Organisation {id: $id})
MATCH (s)-[:COOPERATES_WITH*0..1]-(g:Organisation)
WITH DISTINCT g
RETURN g {.*,
          parentId: [(g)-[:PART_OF]->(p:Organisation) | p.id][0],
          districtId: [(g)-[:BASED_IN]->(d:District) | d.id][0],
          workingGroups: [(g)-[m:MEMBER_OF]->(w:WorkingGroup) | {id: w.id, position: m.position}]
       } AS organisation
ORDER BY g.id
