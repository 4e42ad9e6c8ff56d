// Active integration and language courses without childcare of their own
// and with no active CHILDCARE or PASSAGE_GROUP offer within $radiusKm.
// The distance bound is in metres on Neo4j's sphere (see search_offers_page),
// in the form the point index can answer.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all ACTIVE
// offers and join them to the districts. Around each course the point index
// finds every offer within the radius (dozens in a city); the CASE reads the
// category first, which rules out most of them with one property read.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  RETURN o
}
WITH *
WHERE o.category IN ['INTEGRATION_COURSE', 'LANGUAGE_COURSE']
  AND NOT o.childcare
  AND NOT EXISTS {
    MATCH (c:Offer)
    WHERE point.distance(c.location, o.location) <= $radiusKm * $metresPerKm
      AND CASE WHEN c.category IN ['CHILDCARE', 'PASSAGE_GROUP'] THEN c.status = 'ACTIVE' ELSE false END
  }
RETURN o {.*,
          providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0],
          districtId: [(o)-[:LOCATED_IN]->(d:District) | d.id][0]
       } AS offer
ORDER BY o.id
