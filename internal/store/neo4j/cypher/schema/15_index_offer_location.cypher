CREATE POINT INDEX offer_location IF NOT EXISTS FOR (n:Offer) ON (n.location)
