INSERT INTO tokens (id, name, role, organisation_id, hash, created_at, revoked_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
