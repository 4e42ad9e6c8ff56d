SELECT id, name, role, organisation_id, hash, created_at, revoked_at
FROM tokens
ORDER BY created_at, id
