CREATE INDEX offer_status IF NOT EXISTS FOR (n:Offer) ON (n.status)
