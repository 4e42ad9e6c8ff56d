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
// Whether some referral lies at or before the after cursor, at or after the
// before cursor: hasPreviousPage and hasNextPage beyond the page's rows.
RETURN count(r) AS total,
  count(CASE WHEN $afterId IS NOT NULL AND NOT (r.createdAt < $afterCreated OR (r.createdAt = $afterCreated AND r.id < $afterId)) THEN 1 END) > 0 AS upToAfter,
  count(CASE WHEN $beforeId IS NOT NULL AND NOT (r.createdAt > $beforeCreated OR (r.createdAt = $beforeCreated AND r.id > $beforeId)) THEN 1 END) > 0 AS fromBefore
