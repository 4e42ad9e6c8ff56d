-- Up to :limit offers with ids after :after, by id: the offers page by page
-- along the primary key (the read index's build). Must list the columns as
-- offers_by_id.sql does (scanOffer).
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address
FROM offers o
WHERE o.id > :after
ORDER BY o.id
LIMIT :limit
