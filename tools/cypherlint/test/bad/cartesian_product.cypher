MATCH (a:User {id: $u}), (b:Offer {id: $o}) MERGE (a)-[:LIKES]->(b)
