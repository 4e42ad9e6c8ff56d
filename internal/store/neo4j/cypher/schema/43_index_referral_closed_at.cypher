CREATE INDEX referral_closed_at IF NOT EXISTS FOR (n:Referral) ON (n.closedAt)
