UNWIND $rows AS row
MERGE (w:WorkingGroup {id: row.id})
SET w = row
