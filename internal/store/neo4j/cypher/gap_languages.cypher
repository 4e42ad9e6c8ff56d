// Active offers per district, need area and language.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
MATCH (o)-[:ADDRESSES]->(n:Need)
MATCH (o)-[:HELD_IN]->(l:Language)
RETURN d.id AS districtId, n.code AS need, l.code AS language, count(o) AS offers
ORDER BY districtId, need, language
