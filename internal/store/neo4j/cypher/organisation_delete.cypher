// Deletes the organisation with its cooperations, memberships and links,
// but only while it provides no offers and has no parts (checked again here,
// under the write lock, against a concurrent write).
MATCH (g:Organisation {id: $id})
WHERE NOT EXISTS { (g)-[:PROVIDES]->(:Offer) }
  AND NOT EXISTS { (:Organisation)-[:PART_OF]->(g) }
DETACH DELETE g
RETURN count(*) AS deleted
