INSERT INTO organisation_working_groups (organisation_id, working_group_id) VALUES (:id, :group)
