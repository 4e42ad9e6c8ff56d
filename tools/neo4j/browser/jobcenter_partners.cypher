// Who cooperates with the Jobcenter of Solingen, and on what.
MATCH (j:Organisation {kind: 'JOBCENTER', municipality: 'Solingen'})-[c:COOPERATES_WITH]-(p:Organisation)
RETURN j.name AS jobcenter, p.name AS partner, p.kind AS kind, c.since AS since, c.topics AS topics
ORDER BY partner
