-- Every cooperation, by a then b (export).
SELECT a, b, since, topics FROM cooperations
ORDER BY a, b
