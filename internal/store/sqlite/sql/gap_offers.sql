-- The offers the gap rules list, whole (the columns of export_offers.sql, read
-- by scanOffer), then the rule that lists them: 'C' course without childcare
-- nearby, 'F' always full, 'U' unfunded; Go sorts each list by id.
-- :district_ids (a JSON array) are the districts of the municipality; offers
-- are found through their district's index, so the cost follows the size of
-- the municipality, not of the store (offers_gap_groups answers the
-- always-full rule without reading rows).
--
-- A course without a location counts as without childcare nearby: nothing
-- shows that childcare is in reach. Nearby is directory.DistanceKm itself
-- (lotse_distance_km, registered in directory.go) over the exact positions
-- in offers, narrowed first by childcare_geo (the R*Tree of active CHILDCARE
-- and PASSAGE_GROUP offers, 0002_steering.sql) with the box of
-- directory.BoundingBox (:dlat degrees of latitude, widened by 1/cos(lat)
-- for longitude); CROSS JOIN makes the R*Tree drive.
WITH picked (rule, rid) AS (
    SELECT 'C', c.rid
    FROM offers c
    WHERE c.district_id IN (SELECT value FROM json_each(:district_ids))
      AND c.status = 'ACTIVE'
      AND c.category IN ('INTEGRATION_COURSE', 'LANGUAGE_COURSE')
      AND c.childcare = 0
      AND (c.lat IS NULL OR c.lon IS NULL OR NOT EXISTS (
          SELECT 1
          FROM childcare_geo g
          CROSS JOIN offers k ON k.rid = g.rid
          WHERE g.max_lat >= c.lat - :dlat AND g.min_lat <= c.lat + :dlat
            AND g.max_lon >= c.lon - (CASE WHEN cos(radians(c.lat)) > 1e-9 THEN min(180, :dlat / cos(radians(c.lat))) ELSE 180 END)
            AND g.min_lon <= c.lon + (CASE WHEN cos(radians(c.lat)) > 1e-9 THEN min(180, :dlat / cos(radians(c.lat))) ELSE 180 END)
            AND lotse_distance_km(c.lat, c.lon, k.lat, k.lon) <= :radius_km))
    UNION ALL
    SELECT 'F', o.rid
    FROM offers o
    WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
      AND o.status = 'ACTIVE'
      AND o.capacity > 0 AND o.free_places = 0
    UNION ALL
    SELECT 'U', o.rid
    FROM offers o
    WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
      AND o.status IN ('PLANNED', 'PAUSED')
      AND +o.funding IN ('UNFUNDED', 'APPLIED')
)
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address,
    p.rule
FROM picked p
JOIN offers o ON o.rid = p.rid
