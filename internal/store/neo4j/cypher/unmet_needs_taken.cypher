// The first of $ids that is already recorded.
UNWIND $ids AS id
MATCH (u:UnmetNeed {id: id})
RETURN u.id AS id
LIMIT 1
