OPTIONAL MATCH (g:Organisation {id: $id})
RETURN g IS NOT NULL AS found
