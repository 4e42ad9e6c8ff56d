// What keeps an organisation from being deleted; no record: it does not exist.
MATCH (g:Organisation {id: $id})
RETURN COUNT { (g)-[:PROVIDES]->(:Offer) } AS offers,
       COUNT { (:Organisation)-[:PART_OF]->(g) } AS parts
