// The offers the gap rules list, in one pass over all offers of a
// municipality's districts, as one record holding {full, unfunded, course,
// offer} maps (Go sorts them by id):
// - full: active, with a capacity and no free places;
// - unfunded: planned or paused, funding not secured;
// - course: an active integration or language course without childcare of
//   its own and with no active CHILDCARE or PASSAGE_GROUP offer within
//   $radiusKm (metres on Neo4j's sphere, in the form the point index
//   answers; see search_offers_page). Around each course the point index
//   finds every offer within the radius; the CASE reads the category first,
//   which rules out most of them with one property read.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all
// offers and join them to the districts. The CASE around the course check
// keeps the point index to the courses.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer)
  RETURN o
}
WITH d, o, o.status AS status
WITH d, o,
     CASE WHEN status = 'ACTIVE' THEN coalesce(o.capacity > 0 AND o.freePlaces = 0, false) ELSE false END AS full,
     CASE WHEN status IN ['PLANNED', 'PAUSED'] THEN coalesce(o.funding IN ['UNFUNDED', 'APPLIED'], false) ELSE false END AS unfunded,
     CASE WHEN status = 'ACTIVE' AND o.category IN ['INTEGRATION_COURSE', 'LANGUAGE_COURSE']
          THEN coalesce(NOT o.childcare, false) ELSE false END AS course
WHERE full OR unfunded OR course
WITH d, o, full, unfunded,
     CASE WHEN course
          THEN NOT EXISTS {
            MATCH (c:Offer)
            WHERE point.distance(c.location, o.location) <= $radiusKm * $metresPerKm
              AND CASE WHEN c.category IN ['CHILDCARE', 'PASSAGE_GROUP'] THEN c.status = 'ACTIVE' ELSE false END
          }
          ELSE false END AS course
WHERE full OR unfunded OR course
RETURN collect({full: full, unfunded: unfunded, course: course,
                offer: o {.*, providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0], districtId: d.id}}) AS offers
