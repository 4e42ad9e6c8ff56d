// id() is deprecated in Neo4j 5
MATCH (n) RETURN id(n)
