SELECT since, topics, proposed_by FROM cooperation_proposals WHERE a = :a AND b = :b
