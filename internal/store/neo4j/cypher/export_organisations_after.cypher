// Up to $limit organisations with ids after $after, by id, as
// export_organisations.cypher reads them: page by page along the
// organisation_id constraint's index (the read index's build).
MATCH (g:Organisation)
WHERE g.id > $after
RETURN g {.*,
          parentId: [(g)-[:PART_OF]->(p:Organisation) | p.id][0],
          districtId: [(g)-[:BASED_IN]->(d:District) | d.id][0],
          workingGroups: [(g)-[m:MEMBER_OF]->(w:WorkingGroup) | {id: w.id, position: m.position}]
       } AS organisation
ORDER BY g.id
LIMIT $limit
