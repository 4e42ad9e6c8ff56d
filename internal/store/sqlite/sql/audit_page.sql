-- An empty filter value does not filter.
SELECT id, at, actor_id, actor_name, role, action, entity_type, entity_id, changes
FROM audit_log
WHERE (?1 = '' OR actor_id = ?1)
  AND (?2 = '' OR entity_type = ?2)
  AND (?3 = '' OR entity_id = ?3)
  AND (?4 = '' OR action = ?4)
  AND (?7 = '' OR id = ?7)
ORDER BY seq DESC
LIMIT ?5 OFFSET ?6
