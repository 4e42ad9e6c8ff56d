-- Organisations matching a store.OrganisationFilter, by name then id (:by_id: by id),
-- with the total count.
-- An organisation lies in a municipality when its own municipality field
-- says so or its district belongs to it.
SELECT o.id, o.name, o.kind, o.description, o.parent_id, o.district_id, o.municipality, o.address,
    o.lat, o.lon, o.website, o.email, o.phone, o.updated_at, o.confidential_address, o.visibility,
    (SELECT json_group_array(w.working_group_id ORDER BY w.working_group_id)
     FROM organisation_working_groups w WHERE w.organisation_id = o.id),
    count(*) OVER () AS total
FROM organisations o
WHERE (:kinds IS NULL OR o.kind IN (SELECT value FROM json_each(:kinds)))
  AND (:district_ids IS NULL OR o.district_id IN (SELECT value FROM json_each(:district_ids)))
  AND (:municipality IS NULL OR o.municipality = :municipality
       OR o.district_id IN (SELECT d.id FROM districts d WHERE d.municipality = :municipality))
  AND (:working_group_id IS NULL OR EXISTS (SELECT 1 FROM organisation_working_groups w
       WHERE w.organisation_id = o.id AND w.working_group_id = :working_group_id))
  AND (:parent_id IS NULL OR o.parent_id = :parent_id)
  -- A restricted reader sees no PROFESSIONAL organisation but its own.
  AND (:restricted = 0 OR o.visibility <> 'PROFESSIONAL' OR o.id = :own_org)
  AND (:terms IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(:terms) t WHERE instr(o.search_text, t.value) = 0))
ORDER BY CASE WHEN :by_id THEN o.id END, o.name, o.id
LIMIT :limit OFFSET :offset
