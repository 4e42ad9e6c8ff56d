CREATE INDEX offer_title IF NOT EXISTS FOR (n:Offer) ON (n.title)
