CREATE INDEX offer_updated_at IF NOT EXISTS FOR (n:Offer) ON (n.updatedAt)
