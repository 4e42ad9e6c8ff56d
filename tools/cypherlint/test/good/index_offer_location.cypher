// schema
CREATE POINT INDEX offer_location IF NOT EXISTS FOR (o:Offer) ON (o.location);
