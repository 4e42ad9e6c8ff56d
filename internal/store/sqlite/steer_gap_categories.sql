-- Active offers per district and category; :district_ids as in steer_gap_supply.sql.
SELECT o.district_id, o.category, count(*)
FROM offers o
WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
  AND o.status = 'ACTIVE'
GROUP BY o.district_id, o.category
ORDER BY o.district_id, o.category
