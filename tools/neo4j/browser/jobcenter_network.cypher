// The Jobcenter of Solingen and everyone within two cooperations of it, as a
// picture (Neo4j Browser draws the paths).
MATCH path = (j:Organisation {kind: 'JOBCENTER', municipality: 'Solingen'})-[:COOPERATES_WITH*1..2]-(:Organisation)
RETURN path
LIMIT 200
