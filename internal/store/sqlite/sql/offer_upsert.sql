-- Upsert by id; an existing offer keeps its rid (the FTS and R*Tree key).
INSERT INTO offers (id, provider_id, title, description, category, course_type, needs, target_groups,
    languages, legal_circuits, needs_mask, target_groups_mask, legal_circuits_mask, childcare, cost,
    capacity, free_places, schedule, age_min, age_max, funding, status, digital, address, lat, lon,
    district_id, contact, visibility, confidential_address, updated_at, search_text)
VALUES (:id, :provider_id, :title, :description, :category, :course_type, :needs, :target_groups,
    :languages, :legal_circuits, :needs_mask, :target_groups_mask, :legal_circuits_mask, :childcare, :cost,
    :capacity, :free_places, :schedule, :age_min, :age_max, :funding, :status, :digital, :address, :lat, :lon,
    :district_id, :contact, :visibility, :confidential_address, :updated_at, :search_text)
ON CONFLICT (id) DO UPDATE SET
    provider_id = excluded.provider_id, title = excluded.title, description = excluded.description,
    category = excluded.category, course_type = excluded.course_type, needs = excluded.needs,
    target_groups = excluded.target_groups, languages = excluded.languages,
    legal_circuits = excluded.legal_circuits, needs_mask = excluded.needs_mask,
    target_groups_mask = excluded.target_groups_mask, legal_circuits_mask = excluded.legal_circuits_mask,
    childcare = excluded.childcare, cost = excluded.cost, capacity = excluded.capacity,
    free_places = excluded.free_places, schedule = excluded.schedule, age_min = excluded.age_min,
    age_max = excluded.age_max, funding = excluded.funding, status = excluded.status,
    digital = excluded.digital, address = excluded.address, lat = excluded.lat, lon = excluded.lon,
    district_id = excluded.district_id, contact = excluded.contact, visibility = excluded.visibility,
    confidential_address = excluded.confidential_address, updated_at = excluded.updated_at,
    search_text = excluded.search_text
RETURNING rid
