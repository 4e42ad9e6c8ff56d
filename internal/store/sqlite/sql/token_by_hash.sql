SELECT id, name, role, organisation_id, hash, created_at, revoked_at
FROM tokens
WHERE hash = ?
