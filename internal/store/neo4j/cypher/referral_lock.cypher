// Takes the referral's write lock for the rest of the transaction, as
// offer_lock does, so that concurrent status changes are serialised.
MATCH (r:Referral {id: $id})
SET r._lock = true
REMOVE r._lock
