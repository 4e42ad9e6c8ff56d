-- One page of the audit log (a store.Window over store.OrderingAudit: newest,
-- highest seq, first). An empty filter value does not filter; a NULL cursor
-- seq leaves that side open. The forward branch reads down from :after_seq,
-- the backward one (:backward = 1, Relay's last) up to :before_seq; both walk
-- the primary key (seq) from the cursor, so a page reads only its own rows.
WITH f AS NOT MATERIALIZED (
    SELECT seq, id, at, actor_id, actor_name, role, action, entity_type, entity_id, changes
    FROM audit_log
    WHERE (:actor_id = '' OR actor_id = :actor_id)
      AND (:entity_type = '' OR entity_type = :entity_type)
      AND (:entity_id = '' OR entity_id = :entity_id)
      AND (:action = '' OR action = :action)
      AND (:id = '' OR id = :id)
      -- an open side binds NULL; coalesce puts its bound past every seq, so that
      -- the bounds stay a plain range of the primary key (an OR would scan)
      AND seq < coalesce((:win ->> '$[0]'), 9223372036854775807)
      AND seq > coalesce((:win ->> '$[2]'), 0)
)
SELECT * FROM (SELECT * FROM f WHERE :backward = 0 ORDER BY seq DESC LIMIT :limit)
UNION ALL
SELECT * FROM (SELECT * FROM f WHERE :backward = 1 ORDER BY seq ASC LIMIT :limit)
