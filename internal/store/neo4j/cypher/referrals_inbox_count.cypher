// One organisation's inbox, found through the referral_inbox index.
MATCH (r:Referral {toOrganisationId: $toOrganisationId})
// filter:begin
WHERE ($fromOrganisationId IS NULL OR r.fromOrganisationId = $fromOrganisationId)
  AND ($offerId IS NULL OR r.offerId = $offerId)
  AND ($statuses IS NULL OR r.status IN $statuses)
  AND ($since IS NULL OR r.sentOn >= $since)
  AND ($until IS NULL OR r.sentOn <= $until)
// filter:end
RETURN count(r) AS total
