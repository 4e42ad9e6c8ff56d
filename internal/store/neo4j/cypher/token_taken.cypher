OPTIONAL MATCH (a:Token {id: $id})
OPTIONAL MATCH (b:Token {hash: $hash})
RETURN a IS NOT NULL AS idTaken, b IS NOT NULL AS hashTaken
