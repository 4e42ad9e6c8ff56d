-- Offers of the providers :provider_ids, by title then id (uses offers' provider index).
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address
FROM offers o
WHERE o.provider_id IN (SELECT value FROM json_each(:provider_ids))
ORDER BY o.title, o.id
