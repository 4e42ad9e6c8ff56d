CREATE INDEX referral_outbox IF NOT EXISTS FOR (n:Referral) ON (n.fromOrganisationId, n.createdAt)
