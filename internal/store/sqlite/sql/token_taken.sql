-- Which unique field of a new token is taken: 'id' before 'hash'.
SELECT CASE WHEN id = ?1 THEN 'id' ELSE 'hash' END
FROM tokens
WHERE id = ?1 OR hash = ?2
ORDER BY id = ?1 DESC
LIMIT 1
