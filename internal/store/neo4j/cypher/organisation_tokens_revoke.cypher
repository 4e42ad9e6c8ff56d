// Deleting an organisation revokes its PARTNER tokens in the same
// transaction: a token must not outlive its organisation and control a new
// one created later with the same id.
MATCH (t:Token {organisationId: $id})
WHERE t.revokedAt IS NULL
SET t.revokedAt = $at
RETURN count(t) AS revoked
