// Gaps per district: active offers per district and need area in Solingen,
// fewest first (0 = no offer at all). Change the municipality as needed.
MATCH (n:Need)
WITH collect(n.code) AS needs
MATCH (d:District {municipality: 'Solingen'})
UNWIND needs AS need
RETURN d.name AS district, need,
       COUNT { (o:Offer {status: 'ACTIVE'})-[:LOCATED_IN]->(d) WHERE EXISTS { (o)-[:ADDRESSES]->(:Need {code: need}) } } AS activeOffers
ORDER BY activeOffers, district, need
