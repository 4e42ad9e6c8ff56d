-- How many entries match, and whether any lies at or before the page's
-- after cursor (newer or the same) or at or after its before cursor (older or
-- the same): hasPreviousPage and hasNextPage beyond the page's own rows. Each
-- flag is a seek of the primary key that only runs when that cursor is given.
WITH f AS NOT MATERIALIZED (
    SELECT seq
    FROM audit_log
    WHERE (:actor_id = '' OR actor_id = :actor_id)
      AND (:entity_type = '' OR entity_type = :entity_type)
      AND (:entity_id = '' OR entity_id = :entity_id)
      AND (:action = '' OR action = :action)
      AND (:id = '' OR id = :id)
)
SELECT (SELECT count(*) FROM f),
    CASE WHEN (:win ->> '$[0]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM f WHERE seq >= (:win ->> '$[0]')) END,
    CASE WHEN (:win ->> '$[2]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM f WHERE seq <= (:win ->> '$[2]')) END
