-- How many referrals one organisation's outbox holds (referrals_outbox alone).
SELECT count(*)
FROM referrals
WHERE from_org = :from_org
  AND (:to_org = '' OR to_org = :to_org)
  AND (:offer_id = '' OR offer_id = :offer_id)
  AND (:statuses IS NULL OR status IN (SELECT value FROM json_each(:statuses)))
  AND (:since = '' OR sent_on >= :since)
  AND (:until = '' OR sent_on <= :until)
