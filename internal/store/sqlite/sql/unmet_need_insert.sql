INSERT INTO unmet_needs (id, need, district_id, language, target_group, recorded_on)
VALUES (:id, :need, :district_id, :language, :target_group, :recorded_on)
