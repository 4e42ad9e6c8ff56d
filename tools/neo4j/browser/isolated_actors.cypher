// Isolated actors: organisations of Wuppertal that cooperate with nobody.
MATCH (g:Organisation {municipality: 'Wuppertal'})
WHERE NOT EXISTS { (g)-[:COOPERATES_WITH]-(:Organisation) }
RETURN g.name AS organisation, g.kind AS kind
ORDER BY organisation
