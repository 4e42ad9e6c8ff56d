UNWIND $ids AS id
MATCH (o:Offer {id: id})
WITH DISTINCT o
RETURN o {.*,
          providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0],
          districtId: [(o)-[:LOCATED_IN]->(d:District) | d.id][0]
       } AS offer
ORDER BY o.id
