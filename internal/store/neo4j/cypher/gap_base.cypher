// Every offer of a municipality's districts with the fields the gap rules
// read, as three lists: keys, the gapKey of every offer that has one of the
// current version (gapkey.go: one string per offer, cheaper to collect than
// a list of its fields); rows, [id, districtId, location, status, category,
// needs, languages, freePlaces, capacity, funding, childcare] of every other
// offer (written by another Lotse); and whole, the offers that look always
// full or unfunded (Dortmund: about 1,200 of 9,027) as lists of their values
// (gapWholeFields: a map per offer would name every key again), which saves
// reading those by id. Go folds them into the supply and decides the listed
// offers (store.GapSupply, store.GapListing) and keeps them, so that after a
// directory change only the changed offers are read again (gapBase); it
// reads any other listed offer by id, so the guess of whole need not be
// exact.
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
WITH collect(CASE WHEN keyed THEN o.gapKey END) AS keys,
       collect(CASE WHEN keyed THEN null
                    ELSE [o.id, d.id, o.location, o.status, o.category, o.needs, o.languages, o.freePlaces, o.capacity,
                          o.funding, o.childcare] END) AS rows,
       collect(CASE WHEN CASE WHEN keyed THEN o.gapKey STARTS WITH $gapKeyWhole
                              ELSE (o.status = 'ACTIVE' AND o.freePlaces = 0)
                                   OR (o.status IN ['PLANNED', 'PAUSED'] AND o.funding IN ['UNFUNDED', 'APPLIED']) END
                    // Not the search and gap keys: half an offer's bytes.
                    THEN [o.id, o.title, o.description, o.category, o.courseType, o.needs, o.targetGroups,
                          o.languages, o.legalCircuits, o.childcare, o.cost, o.capacity, o.freePlaces, o.schedule,
                          o.ageMin, o.ageMax, o.funding, o.status, o.digital, o.address, o.location, o.contact,
                          o.visibility, o.confidentialAddress, o.updatedAt, d.id,
                          CASE WHEN o.providerId IS NULL THEN [(p:Organisation)-[:PROVIDES]->(o) | p.id][0]
                               ELSE o.providerId END]
               END) AS whole
// In records of at most $batch keys and rows and $wholeBatch whole offers
// (Dortmund: 10 of about 200 kB): the driver grows its read buffer one chunk
// at a time, copying it, so one record of 2 MB cost it 9 ms of copying.
UNWIND range(0, reduce(n = 0, b IN [(size(keys) + $batch - 1) / $batch, (size(rows) + $batch - 1) / $batch,
                                    (size(whole) + $wholeBatch - 1) / $wholeBatch] |
                       CASE WHEN b > n THEN b ELSE n END) - 1) AS i
RETURN keys[i * $batch..(i + 1) * $batch] AS keys, rows[i * $batch..(i + 1) * $batch] AS rows,
       whole[i * $wholeBatch..(i + 1) * $wholeBatch] AS whole
