// Planned or paused offers whose funding is not secured.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
MATCH (d)<-[:LOCATED_IN]-(o:Offer)
WHERE o.status IN ['PLANNED', 'PAUSED'] AND o.funding IN ['UNFUNDED', 'APPLIED']
RETURN o {.*,
          providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0],
          districtId: [(o)-[:LOCATED_IN]->(d:District) | d.id][0]
       } AS offer
ORDER BY o.id
