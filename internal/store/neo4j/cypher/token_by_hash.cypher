MATCH (t:Token {hash: $hash})
RETURN t {.*} AS token
