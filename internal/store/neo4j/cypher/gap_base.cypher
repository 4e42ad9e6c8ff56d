// Every offer of a municipality's districts with the fields the gap rules
// read, as one record holding [id, districtId, status, category, needs,
// languages, freePlaces, capacity, funding, childcare, location] lists; Go
// folds them into the supply and decides the listed offers
// (store.GapSupply, store.GapListing) and keeps them, so that after a
// directory change only the changed offers are read again (gapBase).
// Start from the districts (few) and expand to their offers in a subquery:
// with the optional municipality the planner would otherwise seek all
// offers and join them to the districts.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer)
  RETURN o
}
RETURN collect([o.id, d.id, o.status, o.category, o.needs, o.languages, o.freePlaces, o.capacity,
                o.funding, o.childcare, o.location]) AS offers
