-- One page of store.OfferQuery, with the total count of matches.
-- :driver names the index that yields the candidates (Go picks it from the
-- filter): 'geo' the covering grid index offers_cell (the cells of the
-- bounding box around :lat/:lon), 'text' the trigram index, 'provider', 'district' and
-- 'municipality' their b-tree indexes, 'all' a scan. Only the chosen branch
-- of cand runs (the others are constant-false); every filter is then checked
-- on each candidate. NULL / 0 parameters do not filter. :terms are folded
-- words each row must contain that the trigram index did not already check.
WITH cand (rid) AS MATERIALIZED (
    -- Geo: the covering grid index, one range per row of cells (:cells), with
    -- the filters it covers repeated here so that candidates are cut inside
    -- the index, before any row is read.
    SELECT g.rid FROM json_each(:cells) c CROSS JOIN offers g INDEXED BY offers_cell
    WHERE :driver = 'geo' AND g.cell BETWEEN c.value ->> 0 AND c.value ->> 1
      AND g.lat BETWEEN :min_lat AND :max_lat AND g.lon BETWEEN :min_lon AND :max_lon
      AND (:statuses IS NULL OR g.status IN (SELECT value FROM json_each(:statuses)))
      AND (:needs_mask = 0 OR g.needs_mask & :needs_mask <> 0)
      AND (:target_groups_mask = 0 OR g.target_groups_mask & :target_groups_mask <> 0)
      AND (:legal_circuits_mask = 0 OR g.legal_circuits_mask = 0 OR g.legal_circuits_mask & :legal_circuits_mask <> 0)
      AND (:age IS NULL OR ((g.age_min IS NULL OR g.age_min <= :age) AND (g.age_max IS NULL OR g.age_max >= :age)))
    UNION ALL
    SELECT rowid FROM offer_fts WHERE :driver = 'text' AND offer_fts MATCH :fts
    UNION ALL
    SELECT rid FROM offers
    WHERE :driver = 'provider' AND provider_id IN (SELECT value FROM json_each(:organisation_ids))
    UNION ALL
    SELECT rid FROM offers
    WHERE :driver = 'district' AND district_id IN (SELECT value FROM json_each(:district_ids))
    UNION ALL
    SELECT rid FROM offers
    WHERE :driver = 'municipality' AND district_id IN (SELECT id FROM districts WHERE municipality = :municipality)
    UNION ALL
    SELECT rid FROM offers WHERE :driver = 'all'
),
-- m: the matches, narrow (key, sort keys, distance), computed once for both
-- the count and the page; only the page's rows are then read whole. (cand is
-- materialized: otherwise the planner copies this whole filter into each of
-- its branches, which doubles the time to prepare and to run.)
m AS MATERIALIZED (
    SELECT o.rid, o.id, o.title, o.updated_at, o.free_places,
        CASE WHEN :near_on THEN lotse_distance_km(:lat, :lon, o.lat, o.lon) END AS distance_km
    FROM cand CROSS JOIN offers o ON o.rid = cand.rid
    WHERE (:near_on = 0 OR (o.lat BETWEEN :min_lat AND :max_lat AND o.lon BETWEEN :min_lon AND :max_lon))
      AND (:categories IS NULL OR o.category IN (SELECT value FROM json_each(:categories)))
      AND (:needs_mask = 0 OR o.needs_mask & :needs_mask <> 0)
      AND (:target_groups_mask = 0 OR o.target_groups_mask & :target_groups_mask <> 0)
      AND (:languages IS NULL OR EXISTS (SELECT 1 FROM offer_languages l
           WHERE l.rid = o.rid AND l.lang IN (SELECT value FROM json_each(:languages))))
      AND (:district_ids IS NULL OR o.district_id IN (SELECT value FROM json_each(:district_ids)))
      AND (:organisation_ids IS NULL OR o.provider_id IN (SELECT value FROM json_each(:organisation_ids)))
      AND (:municipality IS NULL OR o.district_id IN (SELECT id FROM districts WHERE municipality = :municipality))
      AND (:childcare IS NULL OR o.childcare = :childcare)
      AND (:free_only = 0 OR o.free_places > 0)
      AND (:costs IS NULL OR o.cost IN (SELECT value FROM json_each(:costs)))
      AND (:statuses IS NULL OR o.status IN (SELECT value FROM json_each(:statuses)))
      AND (:legal_circuits_mask = 0 OR o.legal_circuits_mask = 0 OR o.legal_circuits_mask & :legal_circuits_mask <> 0)
      AND (:age IS NULL OR ((o.age_min IS NULL OR o.age_min <= :age) AND (o.age_max IS NULL OR o.age_max >= :age)))
      AND (:terms IS NULL OR NOT EXISTS (SELECT 1 FROM json_each(:terms) t WHERE instr(o.search_text, t.value) = 0))
      -- A restricted reader sees no PROFESSIONAL offer, no offer of a
      -- PROFESSIONAL organisation, and finds no confidential place by
      -- radius, except the own organisation's.
      AND (:restricted = 0 OR o.provider_id = :own_org
           OR (o.visibility <> 'PROFESSIONAL' AND (:near_on = 0 OR o.confidential_address = 0)
               AND o.provider_id NOT IN (SELECT id FROM organisations WHERE visibility = 'PROFESSIONAL')))
),
-- r: the matches within the radius, with the order's sort key sk (the key of
-- store.OfferOrdering: title, the update time, free places with unknown as
-- -1, or the distance), which the cursors compare.
r AS (
    SELECT rid, id, title, updated_at, free_places, distance_km,
        CASE WHEN :order = 'DISTANCE' THEN distance_km WHEN :order = 'UPDATED_AT' THEN updated_at
            WHEN :order = 'FREE_PLACES' THEN coalesce(free_places, -1) ELSE title END AS sk
    FROM m
    WHERE :near_on = 0 OR distance_km <= :radius_km
),
-- w: the keyset window, the matches after (:after_sort, :after_id) and before
-- (:before_sort, :before_id) in the order (sk ascending, or descending with
-- :sort_desc; then id ascending). (No CASE WHEN :parameter here: SQLite
-- would prepare the statement anew for every run.) :window = 0 keeps the cursors for the flags
-- only, so that an empty page can still learn the total and the flags.
w AS NOT MATERIALIZED (
    SELECT * FROM r
    WHERE (:win ->> '$[5]') = 0
       OR (((:win ->> '$[1]') IS NULL OR ((:win ->> '$[4]') = 1 AND sk < (:win ->> '$[0]')) OR ((:win ->> '$[4]') = 0 AND sk > (:win ->> '$[0]'))
                OR (sk = (:win ->> '$[0]') AND id > (:win ->> '$[1]')))
           AND ((:win ->> '$[3]') IS NULL OR ((:win ->> '$[4]') = 1 AND sk > (:win ->> '$[2]')) OR ((:win ->> '$[4]') = 0 AND sk < (:win ->> '$[2]'))
                OR (sk = (:win ->> '$[2]') AND id < (:win ->> '$[3]'))))
),
-- page: the window's first :limit rows or, with :backward = 1 (Relay's last),
-- its last :limit rows, both in the order (the offset counts from the
-- cursor, within this statement's snapshot, so it is as stable as the
-- cursor). One ORDER BY for both directions, by the order's own columns: a
-- sort evaluates its terms for every match, the largest cost of a search.
page AS (
    SELECT rid, id, distance_km FROM w
    ORDER BY
        CASE WHEN :order = 'DISTANCE' THEN distance_km END,
        CASE WHEN :order = 'UPDATED_AT' THEN updated_at END DESC,
        CASE WHEN :order = 'FREE_PLACES' THEN free_places IS NULL END,
        CASE WHEN :order = 'FREE_PLACES' THEN free_places END DESC,
        CASE WHEN :order = 'TITLE' THEN title END,
        id
    LIMIT :limit
    OFFSET CASE WHEN :backward THEN (SELECT max(0, count(*) - :limit) FROM w) ELSE 0 END
)
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address,
    p.distance_km, (SELECT count(*) FROM r) AS total,
    -- some match at or before the after cursor, at or after the before cursor
    CASE WHEN (:win ->> '$[1]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM r WHERE NOT (((:win ->> '$[4]') = 1 AND sk < (:win ->> '$[0]')) OR ((:win ->> '$[4]') = 0 AND sk > (:win ->> '$[0]'))
        OR (sk = (:win ->> '$[0]') AND id > (:win ->> '$[1]')))) END AS up_to_after,
    CASE WHEN (:win ->> '$[3]') IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM r WHERE NOT (((:win ->> '$[4]') = 1 AND sk > (:win ->> '$[2]')) OR ((:win ->> '$[4]') = 0 AND sk < (:win ->> '$[2]'))
        OR (sk = (:win ->> '$[2]') AND id < (:win ->> '$[3]')))) END AS from_before
FROM page p JOIN offers o ON o.rid = p.rid
-- the page's order again (the join need not keep it)
ORDER BY
        CASE WHEN :order = 'DISTANCE' THEN p.distance_km END,
        CASE WHEN :order = 'UPDATED_AT' THEN o.updated_at END DESC,
        CASE WHEN :order = 'FREE_PLACES' THEN o.free_places IS NULL END,
        CASE WHEN :order = 'FREE_PLACES' THEN o.free_places END DESC,
        CASE WHEN :order = 'TITLE' THEN o.title END,
        o.id
