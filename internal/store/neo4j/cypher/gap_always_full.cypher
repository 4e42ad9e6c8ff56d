// Active offers with a capacity and no free places.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all ACTIVE
// offers and join them to the districts.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  RETURN o
}
WITH *
WHERE o.capacity > 0 AND o.freePlaces = 0
RETURN o {.*,
          providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0],
          districtId: [(o)-[:LOCATED_IN]->(d:District) | d.id][0]
       } AS offer
ORDER BY o.id
