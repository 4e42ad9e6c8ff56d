// Full-text search over offers.
CALL db.index.fulltext.queryNodes('offer_text', $q) YIELD node, score
RETURN node.id, score
