-- Deleting an organisation revokes its PARTNER tokens in the same
-- transaction: a token must not outlive its organisation and control a new
-- one created later with the same id.
UPDATE tokens SET revoked_at = :at WHERE organisation_id = :id AND revoked_at IS NULL
