// The first revocation stands: revoking again does not move revokedAt.
MATCH (t:Token {id: $id})
SET t.revokedAt = coalesce(t.revokedAt, $at)
RETURN count(*) AS revoked
