-- Organisations matching a store.OrganisationFilter (:by_id: all of them by
-- id), one page of store.OrderingOrganisations (name, then id): those after
-- the cursor (:after_name, :after_id) and before (:before_name, :before_id),
-- read forward, or backward from the end (:backward = 1, Relay's last).
-- :win is the JSON array [after name, after id, before name, before id, -, window]
-- (bare parameters compared with columns made SQLite prepare anew on every run);
-- window = 0 drops the cursors from the rows but not from the flags, so that
-- an empty page can still learn the total and the flags from one row.
-- An organisation lies in a municipality when its own municipality field
-- says so or its district belongs to it.
WITH m AS (
    SELECT o.id, o.name FROM organisations o
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
),
page AS (
    SELECT id, name FROM m
    WHERE (:win ->> '$[5]') = 0
       OR (((:win ->> '$[1]') IS NULL OR (name, id) > ((:win ->> '$[0]'), (:win ->> '$[1]')))
           AND ((:win ->> '$[3]') IS NULL OR (name, id) < ((:win ->> '$[2]'), (:win ->> '$[3]'))))
    ORDER BY CASE WHEN :by_id THEN id END,
        CASE WHEN :backward = 0 THEN name END ASC, CASE WHEN :backward = 0 THEN id END ASC,
        CASE WHEN :backward = 1 THEN name END DESC, CASE WHEN :backward = 1 THEN id END DESC
    LIMIT :limit
)
SELECT o.id, o.name, o.kind, o.description, o.parent_id, o.district_id, o.municipality, o.address,
    o.lat, o.lon, o.website, o.email, o.phone, o.updated_at, o.confidential_address, o.visibility,
    (SELECT json_group_array(w.working_group_id ORDER BY w.working_group_id)
     FROM organisation_working_groups w WHERE w.organisation_id = o.id),
    (SELECT count(*) FROM m) AS total,
    CASE WHEN (:win ->> '$[1]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM m WHERE (name, id) <= ((:win ->> '$[0]'), (:win ->> '$[1]'))) END AS up_to_after,
    CASE WHEN (:win ->> '$[3]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM m WHERE (name, id) >= ((:win ->> '$[2]'), (:win ->> '$[3]'))) END AS from_before
FROM page p JOIN organisations o ON o.id = p.id
-- the page's order again (the join need not keep it)
ORDER BY CASE WHEN :by_id THEN o.id END,
    CASE WHEN :backward = 0 THEN o.name END ASC, CASE WHEN :backward = 0 THEN o.id END ASC,
    CASE WHEN :backward = 1 THEN o.name END DESC, CASE WHEN :backward = 1 THEN o.id END DESC
