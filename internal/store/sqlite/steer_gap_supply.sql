-- Active offers and their known free places per district and need area.
-- :district_ids (a JSON array) are the districts of the municipality.
SELECT o.district_id, n.value, count(*), coalesce(sum(o.free_places), 0)
FROM offers o
JOIN json_each(o.needs) n
WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
  AND o.status = 'ACTIVE'
  AND (:needs IS NULL OR n.value IN (SELECT value FROM json_each(:needs)))
GROUP BY o.district_id, n.value
ORDER BY o.district_id, n.value
