// Active offers and their known free places per district and need area.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all ACTIVE
// offers and join them to the districts.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  MATCH (o)-[:ADDRESSES]->(n:Need)
  WHERE $needs IS NULL OR n.code IN $needs
  RETURN o, n
}
RETURN d.id AS districtId,
       n.code AS need,
       count(o) AS activeOffers,
       sum(coalesce(o.freePlaces, 0)) AS freePlaces
ORDER BY districtId, need
