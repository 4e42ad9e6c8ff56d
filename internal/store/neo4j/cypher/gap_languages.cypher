// Active offers per district, need area and language.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all ACTIVE
// offers and join them to the districts.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  RETURN o
}
MATCH (o)-[:ADDRESSES]->(n:Need)
MATCH (o)-[:HELD_IN]->(l:Language)
RETURN d.id AS districtId, n.code AS need, l.code AS language, count(o) AS offers
ORDER BY districtId, need, language
