// Counts what search_offers_page pages through: the filter block must stay
// identical (TestFilterBlocksAgree).
MATCH (o:Offer)
// filter:begin
WHERE ($terms IS NULL OR all(t IN $terms WHERE o.searchText CONTAINS t))
  AND ($categories IS NULL OR o.category IN $categories)
  AND ($statuses IS NULL OR o.status IN $statuses)
  AND ($costs IS NULL OR o.cost IN $costs)
  AND ($childcare IS NULL OR o.childcare = $childcare)
  AND (NOT $freePlacesOnly OR o.freePlaces > 0)
  AND ($age IS NULL OR (coalesce(o.ageMin, 0) <= $age AND coalesce(o.ageMax, 1000) >= $age))
  AND ($needs IS NULL OR EXISTS { (o)-[:ADDRESSES]->(n:Need) WHERE n.code IN $needs })
  AND ($targetGroups IS NULL OR EXISTS { (o)-[:SERVES]->(tg:TargetGroup) WHERE tg.code IN $targetGroups })
  AND ($languages IS NULL OR EXISTS { (o)-[:HELD_IN]->(l:Language) WHERE l.code IN $languages })
  AND ($districtIds IS NULL OR EXISTS { (o)-[:LOCATED_IN]->(d:District) WHERE d.id IN $districtIds })
  AND ($municipality IS NULL OR EXISTS { (o)-[:LOCATED_IN]->(:District {municipality: $municipality}) })
  AND ($organisationIds IS NULL OR EXISTS { (p:Organisation)-[:PROVIDES]->(o) WHERE p.id IN $organisationIds })
  AND ($legalCircuits IS NULL
       OR NOT EXISTS { (o)-[:ELIGIBLE_UNDER]->(:LegalCircuit) }
       OR EXISTS { (o)-[:ELIGIBLE_UNDER]->(c:LegalCircuit) WHERE c.code IN $legalCircuits })
  // A restricted reader sees no PROFESSIONAL offer and finds no confidential
  // place by radius, except the own organisation's.
  AND (NOT $restricted
       OR EXISTS { (p:Organisation {id: $ownOrg})-[:PROVIDES]->(o) }
       OR (coalesce(o.visibility, '') <> 'PROFESSIONAL' AND ($lat IS NULL OR NOT coalesce(o.confidentialAddress, false))))
// Neo4j measures WGS-84 distances on a sphere of 6378140 m; dividing by
// $metresPerKm rescales them to the 6371.0088 km of directory.DistanceKm.
WITH o, CASE WHEN $lat IS NULL THEN null
             ELSE point.distance(o.location, point({latitude: $lat, longitude: $lon})) / $metresPerKm
        END AS distanceKm
WHERE $lat IS NULL OR distanceKm <= $radiusKm
// filter:end
RETURN count(*) AS total
