// Newest first (Relay's first), in a plain order on createdAt: the
// referral_inbox index (toOrganisationId, createdAt) holds it, so the planner reads
// the index from its newest end and stops after the page (one statement
// for both directions, with a CASE in its ORDER BY, sorted the whole
// inbox). Its twin referrals_inbox_page_backward reads from the oldest end.
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
// ($beforeCreated, $beforeId).
WITH r WHERE ($afterId IS NULL OR (r.createdAt < $afterCreated OR (r.createdAt = $afterCreated AND r.id < $afterId)))
  AND ($beforeId IS NULL OR (r.createdAt > $beforeCreated OR (r.createdAt = $beforeCreated AND r.id > $beforeId)))
// The order belongs to the final RETURN: only there does Cypher promise it.
RETURN r {.*} AS referral
// toOrganisationId is one value here, but the planner takes the index's order
// only for an ORDER BY that begins with the index's first property.
ORDER BY r.toOrganisationId DESC, r.createdAt DESC, r.id DESC
LIMIT $limit
