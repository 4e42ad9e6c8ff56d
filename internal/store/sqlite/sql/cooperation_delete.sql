DELETE FROM cooperations WHERE a = :a AND b = :b
