CREATE INDEX offer_category IF NOT EXISTS FOR (n:Offer) ON (n.category)
