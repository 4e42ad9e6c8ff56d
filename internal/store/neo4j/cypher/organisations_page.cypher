MATCH (g:Organisation)
// filter:begin
WHERE ($terms IS NULL OR all(t IN $terms WHERE g.searchText CONTAINS t))
  AND ($kinds IS NULL OR g.kind IN $kinds)
  AND ($districtIds IS NULL OR EXISTS { (g)-[:BASED_IN]->(d:District) WHERE d.id IN $districtIds })
  AND ($municipality IS NULL OR g.municipality = $municipality
       OR EXISTS { (g)-[:BASED_IN]->(:District {municipality: $municipality}) })
  AND ($workingGroupId IS NULL OR EXISTS { (g)-[:MEMBER_OF]->(:WorkingGroup {id: $workingGroupId}) })
  AND ($parentId IS NULL OR EXISTS { (g)-[:PART_OF]->(:Organisation {id: $parentId}) })
  // A restricted reader sees no PROFESSIONAL organisation but its own.
  AND (NOT $restricted OR coalesce(g.visibility, '') <> 'PROFESSIONAL' OR g.id = $ownOrg)
// filter:end
// The keyset window of store.OrderingOrganisations (name, then id): after
// ($afterName, $afterId), before ($beforeName, $beforeId), read forward or,
// with $backward (Relay's last), from the end.
WITH g WHERE ($afterId IS NULL OR (g.name > $afterName OR (g.name = $afterName AND g.id > $afterId)))
  AND ($beforeId IS NULL OR (g.name < $beforeName OR (g.name = $beforeName AND g.id < $beforeId)))
// The order belongs to the final RETURN: only there does Cypher promise it.
RETURN g {.*,
          parentId: [(g)-[:PART_OF]->(p:Organisation) | p.id][0],
          districtId: [(g)-[:BASED_IN]->(d:District) | d.id][0],
          workingGroups: [(g)-[m:MEMBER_OF]->(w:WorkingGroup) | {id: w.id, position: m.position}]
       } AS organisation
ORDER BY CASE WHEN NOT $backward THEN g.name END ASC, CASE WHEN NOT $backward THEN g.id END ASC,
  CASE WHEN $backward THEN g.name END DESC, CASE WHEN $backward THEN g.id END DESC
LIMIT $limit
