CREATE FULLTEXT INDEX offer_fulltext IF NOT EXISTS FOR (n:Offer) ON EACH [n.title, n.description]
