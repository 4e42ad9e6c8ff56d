-- Organisations among :ids, by id; the columns of organisations_page.sql but the
-- total, which Go counts (a window count makes SQLite hold every row before the
-- first). A statement of its own so that the primary key is used.
SELECT o.id, o.name, o.kind, o.description, o.parent_id, o.district_id, o.municipality, o.address,
    o.lat, o.lon, o.website, o.email, o.phone, o.updated_at, o.confidential_address, o.visibility,
    (SELECT json_group_array(w.working_group_id ORDER BY w.working_group_id)
     FROM organisation_working_groups w WHERE w.organisation_id = o.id)
FROM organisations o
WHERE o.id IN (SELECT value FROM json_each(:ids))
ORDER BY o.id
