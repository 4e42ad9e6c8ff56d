-- Unmet needs grouped by district, need, language and target group. Empty
-- (NULL or '') parameters do not filter; dates are ISO text, inclusive.
SELECT u.district_id, u.need, u.language, u.target_group, count(*)
FROM unmet_needs u
JOIN districts d ON d.id = u.district_id
WHERE (:municipality = '' OR d.municipality = :municipality)
  AND (:district_ids IS NULL OR u.district_id IN (SELECT value FROM json_each(:district_ids)))
  AND (:needs IS NULL OR u.need IN (SELECT value FROM json_each(:needs)))
  AND (:since = '' OR u.recorded_on >= :since)
  AND (:until = '' OR u.recorded_on <= :until)
GROUP BY u.district_id, u.need, u.language, u.target_group
ORDER BY u.district_id, u.need, u.language, u.target_group
