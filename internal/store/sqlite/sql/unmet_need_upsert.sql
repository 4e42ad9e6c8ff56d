INSERT INTO unmet_needs (id, need, district_id, language, target_group, recorded_on)
VALUES (:id, :need, :district_id, :language, :target_group, :recorded_on)
ON CONFLICT (id) DO UPDATE SET
    need = excluded.need, district_id = excluded.district_id, language = excluded.language,
    target_group = excluded.target_group, recorded_on = excluded.recorded_on
