// Active offers with a capacity and no free places.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
WHERE o.capacity > 0 AND o.freePlaces = 0
RETURN o {.*,
          providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0],
          districtId: [(o)-[:LOCATED_IN]->(d:District) | d.id][0]
       } AS offer
ORDER BY o.id
