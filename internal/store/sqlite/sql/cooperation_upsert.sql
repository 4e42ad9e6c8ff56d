INSERT INTO cooperations (a, b, since, topics) VALUES (:a, :b, :since, :topics)
ON CONFLICT (a, b) DO UPDATE SET since = excluded.since, topics = excluded.topics
