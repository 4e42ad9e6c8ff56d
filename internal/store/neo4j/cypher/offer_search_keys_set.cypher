// Sets the searchKeys of offers: rows of {id, keys}.
UNWIND $rows AS row
MATCH (o:Offer {id: row.id})
SET o.searchKeys = row.keys
