// One organisation's outbox, found through the referral_outbox index.
MATCH (r:Referral {fromOrganisationId: $fromOrganisationId})
// filter:begin
WHERE ($toOrganisationId IS NULL OR r.toOrganisationId = $toOrganisationId)
  AND ($offerId IS NULL OR r.offerId = $offerId)
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($since IS NULL OR r.sentOn >= $since)
  AND ($until IS NULL OR r.sentOn <= $until)
// filter:end
RETURN count(r) AS total
