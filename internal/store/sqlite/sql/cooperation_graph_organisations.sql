-- The organisations of CooperationGraph, by id: every one (:municipality NULL)
-- or those of a municipality, as organisations_page.sql places them (their own
-- municipality or their district's); the columns of organisations_by_id.sql.
-- No total: a window count makes SQLite hold every row before the first, half
-- of this statement's CPU for the 25,852 organisations of NRW (measured).
SELECT o.id, o.name, o.kind, o.description, o.parent_id, o.district_id, o.municipality, o.address,
    o.lat, o.lon, o.website, o.email, o.phone, o.updated_at, o.confidential_address, o.visibility,
    (SELECT json_group_array(w.working_group_id ORDER BY w.working_group_id)
     FROM organisation_working_groups w WHERE w.organisation_id = o.id)
FROM organisations o
WHERE :municipality IS NULL OR o.municipality = :municipality
   OR o.district_id IN (SELECT d.id FROM districts d WHERE d.municipality = :municipality)
ORDER BY o.id
