// Active offers per district, need area and language.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all ACTIVE
// offers and join them to the districts. Need areas and languages come from
// the offers' list properties (the codes of their ADDRESSES and HELD_IN
// relationships, each listed once): two property reads per offer instead of
// expanding both relationship types.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  RETURN o
}
UNWIND o.needs AS need
UNWIND o.languages AS language
RETURN d.id AS districtId, need, language, count(o) AS offers
ORDER BY districtId, need, language
