// Inserts or replaces districts by id; SET = replaces every property, so a
// field left out of a row (centre) is removed.
UNWIND $rows AS row
MERGE (d:District {id: row.id})
SET d = row
