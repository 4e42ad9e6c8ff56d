// Up to $limit offers with ids after $after, by id, as export_offers.cypher
// reads them: the offers page by page along the offer_id constraint's index
// (the read index's build).
MATCH (o:Offer)
WHERE o.id > $after
RETURN o {.*,
          providerId: [(p:Organisation)-[:PROVIDES]->(o) | p.id][0],
          districtId: [(o)-[:LOCATED_IN]->(d:District) | d.id][0]
       } AS offer
ORDER BY o.id
LIMIT $limit
