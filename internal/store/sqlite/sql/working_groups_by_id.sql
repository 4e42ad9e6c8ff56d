-- Working groups among :ids (NULL: all), by id.
SELECT id, name, municipality, description
FROM working_groups
WHERE :ids IS NULL OR id IN (SELECT value FROM json_each(:ids))
ORDER BY id
