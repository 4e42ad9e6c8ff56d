-- Offers among :ids, by id. A statement of its own so that the primary key is used.
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address
FROM offers o
WHERE o.id IN (SELECT value FROM json_each(:ids))
ORDER BY o.id
