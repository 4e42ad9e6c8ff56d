CREATE INDEX referral_inbox IF NOT EXISTS FOR (n:Referral) ON (n.toOrganisationId, n.createdAt)
