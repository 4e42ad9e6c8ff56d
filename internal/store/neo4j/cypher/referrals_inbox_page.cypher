// Newest first.
// One organisation's inbox, found through the referral_inbox index.
MATCH (r:Referral {toOrganisationId: $toOrganisationId})
// The composite index is used only with a predicate on both its properties;
// every referral has a createdAt.
WHERE r.createdAt IS NOT NULL
WITH r
// filter:begin
WHERE ($fromOrganisationId IS NULL OR r.fromOrganisationId = $fromOrganisationId)
  AND ($offerId IS NULL OR r.offerId = $offerId)
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($since IS NULL OR r.sentOn >= $since)
  AND ($until IS NULL OR r.sentOn <= $until)
// filter:end
// The keyset window of store.OrderingReferrals (newest first: createdAt,
// then id, descending): after ($afterCreated, $afterId), before
// ($beforeCreated, $beforeId), read forward or, with $backward (Relay's
// last), from the end.
WITH r WHERE ($afterId IS NULL OR (r.createdAt < $afterCreated OR (r.createdAt = $afterCreated AND r.id < $afterId)))
  AND ($beforeId IS NULL OR (r.createdAt > $beforeCreated OR (r.createdAt = $beforeCreated AND r.id > $beforeId)))
// The order belongs to the final RETURN: only there does Cypher promise it.
RETURN r {.*} AS referral
ORDER BY CASE WHEN NOT $backward THEN r.createdAt END DESC, CASE WHEN NOT $backward THEN r.id END DESC,
  CASE WHEN $backward THEN r.createdAt END ASC, CASE WHEN $backward THEN r.id END ASC
LIMIT $limit
