// Takes the offer's write lock for the rest of the transaction (setting a
// property locks the node; removing it again leaves no trace), so that a
// concurrent read-patch-write waits instead of reading a stale offer.
MATCH (o:Offer {id: $id})
SET o._lock = true
REMOVE o._lock
