// Waits until the full-text index offer_search is online (it populates in
// the background when created over existing offers).
CALL db.awaitIndex('offer_search', $seconds)
