CREATE INDEX referral_stats IF NOT EXISTS FOR (n:Referral) ON (n.municipality, n.sentOn)
