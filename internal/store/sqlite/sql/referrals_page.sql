-- A page of referrals, newest first; a NULL or empty filter value does not filter.
SELECT id, case_ref, from_org, to_org, offer_id, district_id, municipality, category, needs, note, consent, status,
       reason, history, created_at, updated_at, first_answer_at, closed_at, erased_at
FROM referrals
WHERE (:from_org = '' OR from_org = :from_org)
  AND (:to_org = '' OR to_org = :to_org)
  AND (:offer_id = '' OR offer_id = :offer_id)
  AND (:statuses IS NULL OR status IN (SELECT value FROM json_each(:statuses)))
  AND (:since = '' OR sent_on >= :since)
  AND (:until = '' OR sent_on <= :until)
ORDER BY created_at DESC, id DESC
LIMIT :limit OFFSET :offset
