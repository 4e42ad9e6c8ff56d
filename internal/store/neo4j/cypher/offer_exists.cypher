OPTIONAL MATCH (o:Offer {id: $id})
RETURN o IS NOT NULL AS found
