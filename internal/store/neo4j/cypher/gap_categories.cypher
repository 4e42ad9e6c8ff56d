// Active offers per district and category.
MATCH (d:District)
WHERE $municipality IS NULL OR d.municipality = $municipality
MATCH (d)<-[:LOCATED_IN]-(o:Offer {status: 'ACTIVE'})
RETURN d.id AS districtId, o.category AS category, count(o) AS activeOffers
ORDER BY districtId, category
