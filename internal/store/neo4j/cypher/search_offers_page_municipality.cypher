// search_offers_page with another start (searchDriver in search.go): offers of
// one municipality, found by its districts (district_municipality index). The
// filter block must stay identical to search_offers_page's
// (TestFilterBlocksAgree).
MATCH (:District {municipality: $municipality})<-[:LOCATED_IN]-(o:Offer)
WITH DISTINCT o
// filter:begin
// The vocabulary filters read the list properties (the same codes as the
// ADDRESSES, SERVES, HELD_IN and ELIGIBLE_UNDER relationships): reading a list is
// cheaper than expanding to the vocabulary nodes for every offer.
WHERE ($terms IS NULL OR all(t IN $terms WHERE o.searchText CONTAINS t))
  AND ($categories IS NULL OR o.category IN $categories)
  AND ($statuses IS NULL OR o.status IN $statuses)
  AND ($costs IS NULL OR o.cost IN $costs)
  AND ($childcare IS NULL OR o.childcare = $childcare)
  AND (NOT $freePlacesOnly OR o.freePlaces > 0)
  AND ($age IS NULL OR (coalesce(o.ageMin, 0) <= $age AND coalesce(o.ageMax, 1000) >= $age))
  AND ($needs IS NULL OR any(x IN o.needs WHERE x IN $needs))
  AND ($targetGroups IS NULL OR any(x IN o.targetGroups WHERE x IN $targetGroups))
  AND ($languages IS NULL OR any(x IN o.languages WHERE x IN $languages))
  AND ($districtIds IS NULL OR EXISTS { (o)-[:LOCATED_IN]->(d:District) WHERE d.id IN $districtIds })
  AND ($municipality IS NULL OR EXISTS { (o)-[:LOCATED_IN]->(:District {municipality: $municipality}) })
  AND ($organisationIds IS NULL OR EXISTS { (p:Organisation)-[:PROVIDES]->(o) WHERE p.id IN $organisationIds })
  AND ($legalCircuits IS NULL
       OR size(coalesce(o.legalCircuits, [])) = 0
       OR any(x IN o.legalCircuits WHERE x IN $legalCircuits))
  // A restricted reader sees no PROFESSIONAL offer, no offer of a
  // PROFESSIONAL organisation, and finds no confidential place by radius,
  // except the own organisation's.
  AND (NOT $restricted
       OR EXISTS { (p:Organisation {id: $ownOrg})-[:PROVIDES]->(o) }
       OR (coalesce(o.visibility, '') <> 'PROFESSIONAL' AND ($lat IS NULL OR NOT coalesce(o.confidentialAddress, false))
           AND NOT EXISTS { (p:Organisation {visibility: 'PROFESSIONAL'})-[:PROVIDES]->(o) }))
// Neo4j measures WGS-84 distances on a sphere of 6378140 m; dividing by
// $metresPerKm rescales them to the 6371.0088 km of directory.DistanceKm.
WITH o, CASE WHEN $lat IS NULL THEN null
             ELSE point.distance(o.location, point({latitude: $lat, longitude: $lon})) / $metresPerKm
        END AS distanceKm
WHERE $lat IS NULL OR distanceKm <= $radiusKm
// filter:end
// sortkey:begin
// The order's sort key (store.OfferOrdering): title, update time, free
// places with unknown as -1, or distance; ties by ascending id.
WITH o, distanceKm, CASE $order WHEN 'DISTANCE' THEN distanceKm WHEN 'UPDATED_AT' THEN o.updatedAt
                    WHEN 'FREE_PLACES' THEN coalesce(o.freePlaces, -1) ELSE o.title END AS sk
// sortkey:end
// Count and page in one pass: the matches are collected once, counted
// (total, and whether one lies at or before the after cursor or at or after
// the before cursor: hasPreviousPage and hasNextPage beyond the page's own
// rows), and only the page's offers are read whole.
WITH collect({o: o, id: o.id, distanceKm: distanceKm, sk: sk}) AS rows
WITH rows, size(rows) AS total,
  $afterId IS NOT NULL AND any(r IN rows WHERE NOT (CASE WHEN $sortDesc THEN r.sk < $afterSort ELSE r.sk > $afterSort END OR (r.sk = $afterSort AND r.id > $afterId))) AS upToAfter,
  $beforeId IS NOT NULL AND any(r IN rows WHERE NOT (CASE WHEN $sortDesc THEN r.sk > $beforeSort ELSE r.sk < $beforeSort END OR (r.sk = $beforeSort AND r.id < $beforeId))) AS fromBefore
// The keyset window: after ($afterSort, $afterId), before ($beforeSort,
// $beforeId), read forward or, with $backward (Relay's last), from the end.
// OPTIONAL: an empty page still returns the one row that carries the total.
OPTIONAL CALL (rows) {
  UNWIND rows AS r
  WITH r.o AS o, r.id AS id, r.distanceKm AS distanceKm, r.sk AS sk
  WHERE ($afterId IS NULL OR (CASE WHEN $sortDesc THEN sk < $afterSort ELSE sk > $afterSort END OR (sk = $afterSort AND id > $afterId)))
    AND ($beforeId IS NULL OR (CASE WHEN $sortDesc THEN sk > $beforeSort ELSE sk < $beforeSort END OR (sk = $beforeSort AND id < $beforeId)))
  RETURN o, id, distanceKm, sk
  ORDER BY
    CASE WHEN $sortDesc = $backward THEN sk END ASC,
    CASE WHEN $sortDesc <> $backward THEN sk END DESC,
    CASE WHEN NOT $backward THEN id END ASC,
    CASE WHEN $backward THEN id END DESC
  LIMIT $limit
}
// One record holding the page as a list: the driver reads every record in a
// goroutine of its own. A list keeps no promised order, so searchFrom orders
// the page in Go (the rows above chose which offers it holds).
RETURN total, upToAfter, fromBefore,
       collect(CASE WHEN o IS NOT NULL THEN {distanceKm: distanceKm,
         // The ids from the node's own properties (offer_upsert keeps them;
         // an offer written before they were kept expands its relationships).
         offer: o {.*,
           providerId: coalesce(o.providerId, [(p:Organisation)-[:PROVIDES]->(o) | p.id][0]),
           districtId: coalesce(o.districtId, [(o)-[:LOCATED_IN]->(d:District) | d.id][0])
         }} END) AS page
