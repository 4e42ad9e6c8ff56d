// Newest first.
// One organisation's inbox, found through the referral_inbox index.
MATCH (r:Referral {toOrganisationId: $toOrganisationId})
// filter:begin
WHERE ($fromOrganisationId IS NULL OR r.fromOrganisationId = $fromOrganisationId)
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
