// Newest first.
// One organisation's outbox, found through the referral_outbox index.
MATCH (r:Referral {fromOrganisationId: $fromOrganisationId})
// filter:begin
WHERE ($toOrganisationId IS NULL OR r.toOrganisationId = $toOrganisationId)
  AND ($offerId IS NULL OR r.offerId = $offerId)
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($since IS NULL OR r.sentOn >= $since)
  AND ($until IS NULL OR r.sentOn <= $until)
// filter:end
// The order belongs to the final RETURN: only there does Cypher promise it.
RETURN r {.*} AS referral
ORDER BY r.createdAt DESC, r.id DESC
SKIP $skip
LIMIT $limit
