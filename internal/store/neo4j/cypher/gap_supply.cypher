// Active offers and their known free places per district and need area.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all ACTIVE
// offers and join them to the districts. Need areas come from the offers'
// needs list (the codes of their ADDRESSES relationships, each listed once),
// which is cheaper to read than the relationships.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  UNWIND o.needs AS need
  WITH o, need
  WHERE $needs IS NULL OR need IN $needs
  RETURN o, need
}
RETURN d.id AS districtId,
       need,
       count(o) AS activeOffers,
       sum(coalesce(o.freePlaces, 0)) AS freePlaces
ORDER BY districtId, need
