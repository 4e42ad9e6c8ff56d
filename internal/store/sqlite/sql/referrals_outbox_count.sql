-- How many referrals one organisation's outbox holds (referrals_outbox alone).
-- The flags: whether some row lies at or before the page's after cursor, at
-- or after its before cursor (:win as in the page statement); each a seek of
-- the index that only runs when that cursor is given.
WITH f AS NOT MATERIALIZED (
    SELECT created_at, id
    FROM referrals
    WHERE from_org = :from_org
      AND (:to_org = '' OR to_org = :to_org)
      AND (:offer_id = '' OR offer_id = :offer_id)
      AND (:statuses IS NULL OR status IN (SELECT value FROM json_each(:statuses)))
      AND (:since = '' OR sent_on >= :since)
      AND (:until = '' OR sent_on <= :until)
)
SELECT (SELECT count(*) FROM f),
    CASE WHEN (:win ->> '$[1]') IS NULL THEN 0
         ELSE EXISTS (SELECT 1 FROM f WHERE (created_at, id) >= ((:win ->> '$[0]'), (:win ->> '$[1]'))) END,
    CASE WHEN (:win ->> '$[3]') IS NULL THEN 0
         ELSE EXISTS (SELECT 1 FROM f WHERE (created_at, id) <= ((:win ->> '$[2]'), (:win ->> '$[3]'))) END
