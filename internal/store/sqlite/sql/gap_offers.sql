-- The offers the gap rules list, whole (the columns of export_offers.sql, read
-- by scanOffer), each with the rule that lists it: 'C' course without
-- childcare nearby, 'F' always full, 'U' unfunded (an offer may be listed by
-- two rules); Go sorts each list by id. Each rule reads its offers' rows
-- once: a list of rule and rowid joined to the offers afterwards costs a
-- third more at Köln's 2,344 offers.
-- :course_rids (a JSON array) are the courses without childcare nearby,
-- which steering.go found from gap_courses.sql and gap_childcare.sql.
-- :district_ids (a JSON array) are the districts of the municipality; offers
-- are found through their district's index, so the cost follows the size of
-- the municipality, not of the store (offers_gap_groups answers the
-- always-full rule's condition without reading rows).
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address,
    'C'
FROM offers o
WHERE o.rid IN (SELECT value FROM json_each(:course_rids))
UNION ALL
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address,
    'F'
FROM offers o
WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
  AND o.status = 'ACTIVE'
  AND o.capacity > 0 AND o.free_places = 0
UNION ALL
SELECT o.id, o.provider_id, o.title, o.description, o.category, o.course_type, o.needs, o.target_groups,
    o.languages, o.legal_circuits, o.childcare, o.cost, o.capacity, o.free_places, o.schedule, o.age_min,
    o.age_max, o.funding, o.status, o.digital, o.address, o.lat, o.lon, o.district_id, o.contact, o.updated_at, o.visibility, o.confidential_address,
    'U'
FROM offers o
WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
  AND o.status IN ('PLANNED', 'PAUSED')
  AND +o.funding IN ('UNFUNDED', 'APPLIED')
