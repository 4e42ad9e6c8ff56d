SELECT EXISTS (SELECT 1 FROM organisations WHERE id = :id)
