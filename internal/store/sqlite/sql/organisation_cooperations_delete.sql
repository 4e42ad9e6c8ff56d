DELETE FROM cooperations WHERE a = :id OR b = :id
