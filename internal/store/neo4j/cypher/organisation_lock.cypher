// Takes the organisation's write lock for the rest of the transaction, as
// offer_lock does.
MATCH (o:Organisation {id: $id})
SET o._lock = true
REMOVE o._lock
