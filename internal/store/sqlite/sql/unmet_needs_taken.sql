SELECT EXISTS (SELECT 1 FROM unmet_needs WHERE id = :id)
