// The supply of a municipality's districts in one pass over their active
// offers: one group per district, category, need list and language list,
// with its offers and known free places, as one record holding
// [districtId, category, needs, languages, offers, freePlaces] lists. Go
// unpacks the groups into supply per need area (filtered by $needs),
// offers per category and offers per need area and language; three
// statements read every offer three times, and one record per group costs a
// goroutine each in the driver. Start from the districts (few) and expand to
// their offers in a subquery: with the optional municipality the planner
// would otherwise seek all ACTIVE offers and join them to the districts.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
CALL (d) {
  MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
  RETURN o
}
WITH d.id AS districtId, o.category AS category, o.needs AS needs, o.languages AS languages,
     count(o) AS offers, sum(coalesce(o.freePlaces, 0)) AS freePlaces
RETURN collect([districtId, category, needs, languages, offers, freePlaces]) AS groups
