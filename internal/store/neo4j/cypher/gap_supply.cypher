// Active offers and their known free places per district and need area.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
MATCH (o)-[:ADDRESSES]->(n:Need)
WHERE $needs IS NULL OR n.code IN $needs
RETURN d.id AS districtId,
       n.code AS need,
       count(o) AS activeOffers,
       sum(coalesce(o.freePlaces, 0)) AS freePlaces
ORDER BY districtId, need
