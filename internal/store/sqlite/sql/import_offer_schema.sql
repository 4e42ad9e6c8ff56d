-- The offer table's secondary indexes and the triggers named in :triggers,
-- as stored (sql is NULL for the automatic index of UNIQUE (id), which the
-- upsert needs and which stays): a bulk import drops them and runs their
-- own text again after the rows are in (transfer.go: deferOfferSchema).
SELECT type, name, sql FROM sqlite_master
WHERE tbl_name = 'offers' AND sql IS NOT NULL
  AND (type = 'index' OR (type = 'trigger' AND name IN (SELECT value FROM json_each(:triggers))))
ORDER BY type, name
