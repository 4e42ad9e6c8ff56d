-- The first revocation stands: revoking again does not move revoked_at.
UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1
