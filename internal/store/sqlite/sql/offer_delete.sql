DELETE FROM offers WHERE id = :id
