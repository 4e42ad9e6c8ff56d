-- Whether a record of one entity exists: the reference checks of every write.
SELECT CASE :entity
    WHEN 'organisation' THEN EXISTS (SELECT 1 FROM organisations WHERE id = :id)
    WHEN 'district' THEN EXISTS (SELECT 1 FROM districts WHERE id = :id)
    WHEN 'working group' THEN EXISTS (SELECT 1 FROM working_groups WHERE id = :id)
    WHEN 'offer' THEN EXISTS (SELECT 1 FROM offers WHERE id = :id)
    WHEN 'cooperation' THEN EXISTS (SELECT 1 FROM cooperations WHERE a = :id AND b = :other)
END
