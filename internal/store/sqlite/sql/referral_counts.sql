-- Referrals of all municipalities sent in a window, grouped by the key :group_by names, status,
-- reason and days to the first answer. NEED counts a referral once per need.
SELECT CASE :group_by
           WHEN 'OFFER' THEN offer_id
           WHEN 'PROVIDER' THEN to_org
           WHEN 'DISTRICT' THEN district_id
           WHEN 'CATEGORY' THEN category
           ELSE from_org || '|' || to_org
       END AS key,
       status, reason, answer_days, count(*) AS n
FROM referrals
WHERE :group_by <> 'NEED'
  AND (:since = '' OR sent_on >= :since)
  AND (:until = '' OR sent_on <= :until)
  AND (:reasons IS NULL OR reason IN (SELECT value FROM json_each(:reasons)))
GROUP BY key, status, reason, answer_days
UNION ALL
SELECT n.value AS key, r.status, r.reason, r.answer_days, count(*) AS n
FROM referrals AS r, json_each(r.needs) AS n
WHERE :group_by = 'NEED'
  AND (:since = '' OR r.sent_on >= :since)
  AND (:until = '' OR r.sent_on <= :until)
  AND (:reasons IS NULL OR r.reason IN (SELECT value FROM json_each(:reasons)))
GROUP BY n.value, r.status, r.reason, r.answer_days
ORDER BY 1, 2, 3, 4
