// syntax error
MATCH (o:Offer WHERE RETURN o
