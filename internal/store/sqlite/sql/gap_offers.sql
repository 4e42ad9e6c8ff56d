-- The offers the gap rules list, whole (the columns of export_offers.sql, read
-- by scanOffer), each with the rules that list it: 'C' course without
-- childcare nearby, 'F' always full, 'U' unfunded (an offer may be listed by
-- two); Go sorts each list by id. SQLite answers the three terms of the
-- WHERE with one index each (MULTI-INDEX OR) and reads each offer's row once.
-- :course_rids (a JSON array) are the courses without childcare nearby,
-- which steering.go found from gap_courses.sql and gap_childcare.sql.
-- :district_ids (a JSON array) are the districts of the municipality; offers
-- are found through their district's index, so the cost follows the size of
-- the municipality, not of the store (offers_gap_groups answers the
-- always-full rule's condition without reading rows).
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address,
    CASE WHEN o.rid IN (SELECT value FROM json_each(:course_rids)) THEN 'C' ELSE '' END
    || CASE WHEN o.status = 'ACTIVE' AND o.capacity > 0 AND o.free_places = 0 THEN 'F' ELSE '' END
    || CASE WHEN o.status IN ('PLANNED', 'PAUSED') AND o.funding IN ('UNFUNDED', 'APPLIED') THEN 'U' ELSE '' END
FROM offers o
WHERE o.rid IN (SELECT value FROM json_each(:course_rids))
   OR o.district_id IN (SELECT value FROM json_each(:district_ids)) AND o.status = 'ACTIVE' AND o.capacity > 0 AND o.free_places = 0
   OR o.district_id IN (SELECT value FROM json_each(:district_ids)) AND o.status IN ('PLANNED', 'PAUSED') AND +o.funding IN ('UNFUNDED', 'APPLIED')
