INSERT INTO cooperation_proposals (a, b, since, topics, proposed_by) VALUES (:a, :b, :since, :topics, :proposed_by)
ON CONFLICT (a, b) DO UPDATE SET since = excluded.since, topics = excluded.topics, proposed_by = excluded.proposed_by
