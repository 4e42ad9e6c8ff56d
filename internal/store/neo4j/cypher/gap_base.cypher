// Every offer of a municipality's districts with the fields the gap rules
// read, as one record holding [id, districtId, location, gapKey, whole]
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
// An offer's gapKey holds the fields the rules read (gapkey.go); one written
// without it (by an older Lotse) comes field by field (CASE: only then are
// they read).
WITH d, o, o.gapKey AS g
RETURN collect([o.id, d.id, o.location,
                CASE WHEN g IS NULL
                     THEN [o.status, o.category, o.needs, o.languages, o.freePlaces, o.capacity, o.funding, o.childcare]
                     ELSE g END,
                CASE WHEN CASE WHEN g IS NULL
                               THEN (o.status = 'ACTIVE' AND o.freePlaces = 0)
                                    OR (o.status IN ['PLANNED', 'PAUSED'] AND o.funding IN ['UNFUNDED', 'APPLIED'])
                               ELSE g ENDS WITH '|w' END
                     THEN o {.*, districtId: d.id,
                             providerId: CASE WHEN o.providerId IS NULL
                                              THEN [(p:Organisation)-[:PROVIDES]->(o) | p.id][0]
                                              ELSE o.providerId END}
                END]) AS offers
