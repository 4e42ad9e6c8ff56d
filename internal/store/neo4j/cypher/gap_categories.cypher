// Active offers per district and category.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all ACTIVE
// offers and join them to the districts.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  RETURN o
}
RETURN d.id AS districtId, o.category AS category, count(o) AS activeOffers
ORDER BY districtId, category
