// Counts what organisations_page pages through: the filter block must stay
// identical (TestFilterBlocksAgree).
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
// Whether some organisation lies at or before the after cursor, at or after
// the before cursor: hasPreviousPage and hasNextPage beyond the page's rows.
RETURN count(*) AS total,
  count(CASE WHEN $afterId IS NOT NULL AND NOT (g.name > $afterName OR (g.name = $afterName AND g.id > $afterId)) THEN 1 END) > 0 AS upToAfter,
  count(CASE WHEN $beforeId IS NOT NULL AND NOT (g.name < $beforeName OR (g.name = $beforeName AND g.id < $beforeId)) THEN 1 END) > 0 AS fromBefore
