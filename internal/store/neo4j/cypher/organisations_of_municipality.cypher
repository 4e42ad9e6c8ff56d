// The organisations of a municipality ($municipality null = all): their own
// municipality, or the one of the district they are based in. One record
// holding the list (Go sorts it by id): the driver reads every record in a
// goroutine of its own, which at NRW scale (25,852 organisations) cost more
// than the query.
MATCH (g:Organisation)
WHERE $municipality IS NULL OR g.municipality = $municipality
   OR EXISTS { (g)-[:BASED_IN]->(:District {municipality: $municipality}) }
RETURN collect(g {.*,
                  parentId: [(g)-[:PART_OF]->(p:Organisation) | p.id][0],
                  districtId: [(g)-[:BASED_IN]->(d:District) | d.id][0],
                  workingGroups: [(g)-[m:MEMBER_OF]->(w:WorkingGroup) | {id: w.id, position: m.position}]
       }) AS organisations
