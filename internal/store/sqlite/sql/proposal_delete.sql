DELETE FROM cooperation_proposals WHERE a = :a AND b = :b
