-- Proposals touching any of :ids, by a then b.
SELECT a, b, since, topics, proposed_by FROM cooperation_proposals
WHERE a IN (SELECT value FROM json_each(:ids))
UNION
SELECT a, b, since, topics, proposed_by FROM cooperation_proposals
WHERE b IN (SELECT value FROM json_each(:ids))
ORDER BY a, b
