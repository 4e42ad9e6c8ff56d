// Oldest first (Relay's last, read from the end): referrals_outbox_page
// with the order reversed, so that the referral_outbox index serves it too.
// One organisation's outbox, found through the referral_outbox index.
MATCH (r:Referral {fromOrganisationId: $fromOrganisationId})
// The composite index is used only with a predicate on both its properties;
// every referral has a createdAt.
WHERE r.createdAt IS NOT NULL
WITH r
// filter:begin
WHERE ($toOrganisationId IS NULL OR r.toOrganisationId = $toOrganisationId)
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
// fromOrganisationId is one value here, but the planner takes the index's order
// only for an ORDER BY that begins with the index's first property.
ORDER BY r.fromOrganisationId ASC, r.createdAt ASC, r.id ASC
LIMIT $limit
