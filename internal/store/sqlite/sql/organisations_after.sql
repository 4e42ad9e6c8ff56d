-- Up to :limit organisations with ids after :after, by id: the organisations
-- page by page along the primary key (the read index's build). The columns
-- of organisations_by_id.sql.
SELECT o.id, o.name, o.kind, o.description, o.parent_id, o.district_id, o.municipality, o.address,
    o.lat, o.lon, o.website, o.email, o.phone, o.updated_at, o.confidential_address, o.visibility,
    (SELECT json_group_array(w.working_group_id ORDER BY w.working_group_id)
     FROM organisation_working_groups w WHERE w.organisation_id = o.id)
FROM organisations o
WHERE o.id > :after
ORDER BY o.id
LIMIT :limit
