CREATE INDEX district_municipality IF NOT EXISTS FOR (n:District) ON (n.municipality)
