-- The fast path of SearchOffers for a radius search ordered by distance whose
-- filters the grid index covers (search.go: nearOnly): matching's candidate
-- search. Candidates, distances, the count and the order all come from the
-- covering index offers_cell; only the page's rows are read whole. Parameters
-- as in search_offers_page.sql.
WITH m AS MATERIALIZED (
    SELECT g.rid, g.id, lotse_distance_km(:lat, :lon, g.lat, g.lon) AS distance_km
    FROM json_each(:cells) c CROSS JOIN offers g INDEXED BY offers_cell
    WHERE g.cell BETWEEN c.value ->> 0 AND c.value ->> 1
      AND g.lat BETWEEN :min_lat AND :max_lat AND g.lon BETWEEN :min_lon AND :max_lon
      AND (:statuses IS NULL OR g.status IN (SELECT value FROM json_each(:statuses)))
      AND (:needs_mask = 0 OR g.needs_mask & :needs_mask <> 0)
      AND (:target_groups_mask = 0 OR g.target_groups_mask & :target_groups_mask <> 0)
      AND (:legal_circuits_mask = 0 OR g.legal_circuits_mask = 0 OR g.legal_circuits_mask & :legal_circuits_mask <> 0)
      AND (:age IS NULL OR ((g.age_min IS NULL OR g.age_min <= :age) AND (g.age_max IS NULL OR g.age_max >= :age)))
      AND (:categories IS NULL OR g.category IN (SELECT value FROM json_each(:categories)))
      AND (:costs IS NULL OR g.cost IN (SELECT value FROM json_each(:costs)))
      AND (:childcare IS NULL OR g.childcare = :childcare)
      AND (:free_only = 0 OR g.free_places > 0)
      -- A restricted reader: no PROFESSIONAL offer nor one of a PROFESSIONAL
      -- organisation, no confidential place by radius.
      AND (:restricted = 0 OR g.provider_id = :own_org
           OR (g.visibility <> 'PROFESSIONAL' AND g.confidential_address = 0
               AND g.provider_id NOT IN (SELECT id FROM organisations WHERE visibility = 'PROFESSIONAL')))
),
hits AS MATERIALIZED (
    SELECT rid, id, distance_km FROM m WHERE distance_km <= :radius_km
),
-- The keyset window and page as in search_offers_page.sql, with the distance
-- as the sort key.
w AS NOT MATERIALIZED (
    SELECT * FROM hits
    WHERE (:win ->> '$[5]') = 0
       OR (((:win ->> '$[1]') IS NULL OR distance_km > (:win ->> '$[0]') OR (distance_km = (:win ->> '$[0]') AND id > (:win ->> '$[1]')))
           AND ((:win ->> '$[3]') IS NULL OR distance_km < (:win ->> '$[2]') OR (distance_km = (:win ->> '$[2]') AND id < (:win ->> '$[3]'))))
),
page AS (
    SELECT * FROM w ORDER BY distance_km, id
    LIMIT :limit
    OFFSET CASE WHEN :backward THEN (SELECT max(0, count(*) - :limit) FROM w) ELSE 0 END
)
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address,
    p.distance_km, (SELECT count(*) FROM hits) AS total,
    CASE WHEN (:win ->> '$[1]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM hits
        WHERE distance_km < (:win ->> '$[0]') OR (distance_km = (:win ->> '$[0]') AND id <= (:win ->> '$[1]'))) END AS up_to_after,
    CASE WHEN (:win ->> '$[3]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM hits
        WHERE distance_km > (:win ->> '$[2]') OR (distance_km = (:win ->> '$[2]') AND id >= (:win ->> '$[3]'))) END AS from_before
FROM page p JOIN offers o ON o.rid = p.rid
ORDER BY p.distance_km, p.id
