-- Active offers per district, need area and language; :district_ids as in steer_gap_supply.sql.
SELECT o.district_id, n.value, l.lang, count(*)
FROM offers o
JOIN json_each(o.needs) n
JOIN offer_languages l ON l.rid = o.rid
WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
  AND o.status = 'ACTIVE'
GROUP BY o.district_id, n.value, l.lang
ORDER BY o.district_id, n.value, l.lang
