INSERT INTO audit_log (id, at, actor_id, actor_name, role, action, entity_type, entity_id, changes)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
