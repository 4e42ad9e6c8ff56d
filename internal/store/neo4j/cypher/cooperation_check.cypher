OPTIONAL MATCH (a:Organisation {id: $a})
OPTIONAL MATCH (b:Organisation {id: $b})
RETURN a IS NOT NULL AS foundA,
       b IS NOT NULL AS foundB,
       CASE WHEN a IS NULL OR b IS NULL THEN false
            ELSE EXISTS { (a)-[:COOPERATES_WITH]-(b) }
       END AS taken
