// The offers after id $after in id order, $limit of them: rekeyOffers walks
// all offers with it, along the offer_id constraint's index.
MATCH (o:Offer)
WHERE o.id > $after
RETURN o {.*} AS offer
ORDER BY o.id
LIMIT $limit
