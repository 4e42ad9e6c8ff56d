CREATE INDEX token_created_at IF NOT EXISTS FOR (n:Token) ON (n.createdAt)
