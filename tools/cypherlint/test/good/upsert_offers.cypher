// Batch upsert.
// $rows: [{id, props}]
UNWIND $rows AS r
MERGE (o:Offer {id: r.id})
SET o += r.props
