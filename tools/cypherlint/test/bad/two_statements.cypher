MATCH (n:Offer) RETURN n;
MATCH (n:User) RETURN n
