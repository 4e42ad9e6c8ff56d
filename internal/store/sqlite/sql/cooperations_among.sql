-- Cooperations with both ends among :ids (a JSON array): each id finds its
-- cooperations through the primary key (a, b), so the cost follows the
-- number of ids, not of all cooperations (the unary + keeps b out of the
-- key, which would otherwise seek every pair of ids).
SELECT c.a, c.b, c.since, c.topics
FROM json_each(:ids) j
CROSS JOIN cooperations c ON c.a = j.value
WHERE +c.b IN (SELECT value FROM json_each(:ids))
ORDER BY c.a, c.b
