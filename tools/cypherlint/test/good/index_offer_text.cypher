CREATE FULLTEXT INDEX offer_text IF NOT EXISTS FOR (o:Offer) ON EACH [o.title, o.description]
