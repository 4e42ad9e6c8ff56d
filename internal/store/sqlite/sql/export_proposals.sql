-- Every cooperation proposal, by a then b (the columns of proposals_of.sql).
SELECT a, b, since, topics, proposed_by FROM cooperation_proposals ORDER BY a, b
