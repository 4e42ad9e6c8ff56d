-- The first reference that points nowhere after an import (foreign keys are
-- deferred during it), named by entity, id, field and missing id.
SELECT 'offer', o.id, 'providerId', 'organisation', o.provider_id FROM offers o
WHERE NOT EXISTS (SELECT 1 FROM organisations p WHERE p.id = o.provider_id)
UNION ALL
SELECT 'offer', o.id, 'districtId', 'district', o.district_id FROM offers o
WHERE o.district_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM districts d WHERE d.id = o.district_id)
UNION ALL
SELECT 'organisation', o.id, 'parentId', 'organisation', o.parent_id FROM organisations o
WHERE o.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisations p WHERE p.id = o.parent_id)
UNION ALL
SELECT 'organisation', o.id, 'districtId', 'district', o.district_id FROM organisations o
WHERE o.district_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM districts d WHERE d.id = o.district_id)
UNION ALL
SELECT 'organisation', w.organisation_id, 'workingGroupIds', 'working group', w.working_group_id
FROM organisation_working_groups w
WHERE NOT EXISTS (SELECT 1 FROM working_groups g WHERE g.id = w.working_group_id)
UNION ALL
SELECT 'cooperation', c.a || '/' || c.b, 'a', 'organisation', c.a FROM cooperations c
WHERE NOT EXISTS (SELECT 1 FROM organisations p WHERE p.id = c.a)
UNION ALL
SELECT 'cooperation', c.a || '/' || c.b, 'b', 'organisation', c.b FROM cooperations c
WHERE NOT EXISTS (SELECT 1 FROM organisations p WHERE p.id = c.b)
UNION ALL
SELECT 'unmet need', u.id, 'districtId', 'district', u.district_id FROM unmet_needs u
WHERE NOT EXISTS (SELECT 1 FROM districts d WHERE d.id = u.district_id)
LIMIT 1
