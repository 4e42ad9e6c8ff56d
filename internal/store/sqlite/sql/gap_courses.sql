-- The courses the childcare rule checks: active INTEGRATION_COURSE and
-- LANGUAGE_COURSE offers without childcare of their own in the municipality's
-- districts (:district_ids, a JSON array), with their exact positions (NULL
-- when they have none). steering.go checks them all against the childcare
-- positions (gap_childcare.sql) in one pass over a grid, instead of one
-- R*Tree probe per course.
SELECT c.rid, c.lat, c.lon
FROM offers c
WHERE c.district_id IN (SELECT value FROM json_each(:district_ids))
  AND c.status = 'ACTIVE'
  AND c.category IN ('INTEGRATION_COURSE', 'LANGUAGE_COURSE')
  AND c.childcare = 0
