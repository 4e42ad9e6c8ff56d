// Sets the searchKeys and gapKey of offers: rows of {id, keys, gapKey}.
UNWIND $rows AS row
MATCH (o:Offer {id: row.id})
SET o.searchKeys = row.keys, o.gapKey = row.gapKey
