-- A page of referrals, newest first; a NULL or empty filter value does not filter.
-- One keyset page (store.OrderingReferrals, newest first: created_at, then id,
-- descending): the rows after the cursor (:after_created, :after_id) and
-- before (:before_created, :before_id), read forward or, with :backward = 1
-- (Relay's last), from the end; both branches walk the index from the cursor.
-- :win is the JSON array [after created, after id, before created, before id]
-- (nulls: open): bare parameters compared with indexed columns made SQLite
-- prepare the statement anew on every run.
WITH f AS NOT MATERIALIZED (
    SELECT id, case_ref, from_org, to_org, offer_id, district_id, municipality, category, needs, note, consent, status,
           reason, history, created_at, updated_at, first_answer_at, closed_at, erased_at
    FROM referrals
    WHERE (:from_org = '' OR from_org = :from_org)
      AND (:to_org = '' OR to_org = :to_org)
      AND (:offer_id = '' OR offer_id = :offer_id)
      AND (:statuses IS NULL OR status IN (SELECT value FROM json_each(:statuses)))
      AND (:since = '' OR sent_on >= :since)
      AND (:until = '' OR sent_on <= :until)
      -- an open side binds NULL; coalesce puts its bound past every row, so that
      -- the bounds stay plain ranges the index can seek (an OR would scan)
      AND (created_at, id) < (coalesce((:win ->> '$[0]'), '9999'), coalesce((:win ->> '$[1]'), ''))
      AND (created_at, id) > (coalesce((:win ->> '$[2]'), ''), coalesce((:win ->> '$[3]'), ''))
)
SELECT * FROM (SELECT * FROM f WHERE :backward = 0 ORDER BY created_at DESC, id DESC LIMIT :limit)
UNION ALL
SELECT * FROM (SELECT * FROM f WHERE :backward = 1 ORDER BY created_at ASC, id ASC LIMIT :limit)
