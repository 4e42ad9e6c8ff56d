// Active offers per district and language.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
MATCH (o)-[:HELD_IN]->(l:Language)
RETURN d.id AS districtId, l.code AS language, count(o) AS offers
ORDER BY districtId, language
