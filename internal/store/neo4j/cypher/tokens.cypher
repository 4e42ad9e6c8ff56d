// createdAt is fixed-width UTC text, so text order is time order.
MATCH (t:Token)
RETURN t {.*} AS token
ORDER BY t.createdAt, t.id
