// The offers the gap rules list, in one pass over all offers of a
// municipality's districts, as one record holding {id, full, unfunded,
// course, location, offer} maps (Go sorts them by id). Whole offers come
// for the always-full and unfunded ones; a course comes with its position,
// since most have childcare within reach (Dortmund: 5 of about 960), and
// Go reads the few that do not whole. The rules:
// - full: active, with a capacity and no free places;
// - unfunded: planned or paused, funding not secured.
// - course: an active integration or language course without childcare of
//   its own (whether childcare is within reach, Go asks gap_childcare);
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all
// offers and join them to the districts.
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
RETURN collect({id: o.id, full: full, unfunded: unfunded, course: course,
                location: CASE WHEN course THEN o.location END,
                offer: CASE WHEN full OR unfunded
                            THEN o {.*, providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0], districtId: d.id}
                       END}) AS offers
