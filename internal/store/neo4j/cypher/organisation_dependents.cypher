// What keeps an organisation from being deleted; no record: it does not exist.
// Writing a property takes the node's write lock first, held to the end of the
// transaction, so an offer or part being linked to it now either committed
// before the counts below (and is counted) or waits until this delete is done
// (and then finds no organisation).
MATCH (g:Organisation {id: $id})
SET g._lock = true
REMOVE g._lock
RETURN COUNT { (g)-[:PROVIDES]->(:Offer) } AS offers,
       COUNT { (:Organisation)-[:PART_OF]->(g) } AS parts
