-- Cooperations touching any of :ids, by a then b: the primary key (a, b)
-- answers one side, cooperations_b the other.
SELECT a, b, since, topics FROM cooperations
WHERE a IN (SELECT value FROM json_each(:ids))
UNION
SELECT a, b, since, topics FROM cooperations
WHERE b IN (SELECT value FROM json_each(:ids))
ORDER BY a, b
