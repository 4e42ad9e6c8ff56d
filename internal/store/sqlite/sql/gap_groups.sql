-- Active offers of the municipality's districts (:district_ids, a JSON array),
-- counted per district, category, need mask and language list, with their
-- known free places: one pass that steering.go unpacks into supply per need
-- area, offers per category and languages per need area.
SELECT o.district_id, o.category, o.needs_mask, o.languages, count(*), coalesce(sum(o.free_places), 0)
FROM offers o
WHERE o.district_id IN (SELECT value FROM json_each(:district_ids))
  AND o.status = 'ACTIVE'
GROUP BY o.district_id, o.category, o.needs_mask, o.languages
