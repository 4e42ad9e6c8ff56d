SELECT c.a, c.b, c.since, c.topics
FROM cooperations c
ORDER BY c.a, c.b
