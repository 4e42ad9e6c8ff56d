SELECT id, need, district_id, language, target_group, recorded_on FROM unmet_needs ORDER BY id
