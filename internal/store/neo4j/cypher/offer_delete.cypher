MATCH (o:Offer {id: $id})
DETACH DELETE o
RETURN count(*) AS deleted
