UNWIND $ids AS id
MATCH (g:Organisation {id: id})
WITH DISTINCT g
RETURN g {.*,
          parentId: [(g)-[:PART_OF]->(p:Organisation) | p.id][0],
          districtId: [(g)-[:BASED_IN]->(d:District) | d.id][0],
          workingGroups: [(g)-[m:MEMBER_OF]->(w:WorkingGroup) | {id: w.id, position: m.position}]
       } AS organisation
ORDER BY g.id
