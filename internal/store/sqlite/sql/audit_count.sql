SELECT count(*)
FROM audit_log
WHERE (?1 = '' OR actor_id = ?1)
  AND (?2 = '' OR entity_type = ?2)
  AND (?3 = '' OR entity_id = ?3)
  AND (?4 = '' OR action = ?4)
  AND (?7 = '' OR id = ?7)
