// Every offer of a municipality's districts with the fields the gap rules
// read, as one record holding three lists: keys, the gapKey of every offer
// that has one of the current version (gapkey.go: one string per offer,
// cheaper to collect than a list of its fields); rows, [id, districtId,
// location, status, category, needs, languages, freePlaces, capacity,
// funding, childcare] of every other offer (written by another Lotse); and
// whole, the offers that look always full or unfunded (Dortmund: about 1,200
// of 9,027), which saves reading those by id. Go folds them into the supply
// and decides the listed offers (store.GapSupply, store.GapListing) and keeps
// them, so that after a directory change only the changed offers are read
// again (gapBase); it reads any other listed offer by id, so the guess of
// whole need not be exact.
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all
// offers and join them to the districts.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer)
  RETURN o
}
WITH d, o, o.gapKey STARTS WITH $gapKeyVersion AS keyed // null without a gapKey
RETURN collect(CASE WHEN keyed THEN o.gapKey END) AS keys,
       collect(CASE WHEN keyed THEN null
                    ELSE [o.id, d.id, o.location, o.status, o.category, o.needs, o.languages, o.freePlaces, o.capacity,
                          o.funding, o.childcare] END) AS rows,
       collect(CASE WHEN CASE WHEN keyed THEN o.gapKey STARTS WITH $gapKeyWhole
                              ELSE (o.status = 'ACTIVE' AND o.freePlaces = 0)
                                   OR (o.status IN ['PLANNED', 'PAUSED'] AND o.funding IN ['UNFUNDED', 'APPLIED']) END
                    // Not the search and gap keys: half an offer's bytes.
                    THEN o {.*, searchText: null, searchKeys: null, gapKey: null, districtId: d.id,
                            providerId: CASE WHEN o.providerId IS NULL
                                             THEN [(p:Organisation)-[:PROVIDES]->(o) | p.id][0]
                                             ELSE o.providerId END}
               END) AS whole
