DELETE FROM organisations WHERE id = :id
