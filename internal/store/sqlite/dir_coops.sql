-- Cooperations touching any of :ids (NULL: all), by a then b.
SELECT a, b, since, topics FROM cooperations
WHERE :ids IS NULL OR a IN (SELECT value FROM json_each(:ids))
UNION
SELECT a, b, since, topics FROM cooperations
WHERE :ids IS NOT NULL AND b IN (SELECT value FROM json_each(:ids))
ORDER BY a, b
