CREATE INDEX organisation_municipality IF NOT EXISTS FOR (n:Organisation) ON (n.municipality)
