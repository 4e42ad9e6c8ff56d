DELETE FROM organisation_working_groups WHERE organisation_id = :id
