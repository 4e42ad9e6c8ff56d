// Every offer of a municipality's districts with the fields the gap rules
// read, as one record holding [id, districtId, status, category, needs,
// languages, freePlaces, capacity, funding, childcare, location, whole]
// lists; Go folds them into the supply and decides the listed offers
// (store.GapSupply, store.GapListing) and keeps them, so that after a
// directory change only the changed offers are read again (gapBase).
// whole is the whole offer when it looks always full or unfunded (Dortmund:
// about 1,200 of 9,027), which saves reading those by id; Go reads any other
// listed offer by id, so this guess need not be exact.
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
RETURN collect([o.id, d.id, status, o.category, o.needs, o.languages, o.freePlaces, o.capacity,
                o.funding, o.childcare, o.location,
                CASE WHEN (status = 'ACTIVE' AND o.freePlaces = 0)
                       OR (status IN ['PLANNED', 'PAUSED'] AND o.funding IN ['UNFUNDED', 'APPLIED'])
                     THEN o {.*, providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0], districtId: d.id}
                END]) AS offers
