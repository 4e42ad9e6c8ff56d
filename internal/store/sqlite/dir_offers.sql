-- Offers among :ids, or of the providers :provider_ids, or (both NULL) all.
-- Provider lists are ordered by title then id, everything else by id.
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at
FROM offers o
WHERE (:ids IS NULL OR o.id IN (SELECT value FROM json_each(:ids)))
  AND (:provider_ids IS NULL OR o.provider_id IN (SELECT value FROM json_each(:provider_ids)))
ORDER BY CASE WHEN :provider_ids IS NOT NULL THEN o.title END, o.id
