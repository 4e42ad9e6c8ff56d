-- An organisation's visibility ('' = PUBLIC, or PROFESSIONAL): a PROFESSIONAL
-- organisation and its offers are seen only by signed-in case management,
-- steering, admin and its own partner. The partial index holds the few
-- hidden ones, which a restricted offer search reads once per query.
ALTER TABLE organisations ADD COLUMN visibility TEXT NOT NULL DEFAULT '';
CREATE INDEX organisations_professional ON organisations (id) WHERE visibility = 'PROFESSIONAL';
