// referral_counts for one municipality: the referral_stats index (on
// municipality, sentOn) finds its referrals; with `$municipality IS NULL OR`
// in the filter the planner would scan every referral. The index is used
// only with a predicate on both its properties; every referral has a sentOn.
// The rest must stay identical to referral_counts (TestFilterBlocksAgree).
MATCH (r:Referral {municipality: $municipality})
WHERE r.sentOn IS NOT NULL
WITH r
// filter:begin
WHERE ($municipality IS NULL OR r.municipality = $municipality)
  AND ($since IS NULL OR r.sentOn >= $since)
  AND ($until IS NULL OR r.sentOn <= $until)
  AND ($reasons IS NULL OR coalesce(r.reason, '') IN $reasons)
UNWIND CASE $groupBy
         WHEN 'NEED' THEN r.needs
         WHEN 'OFFER' THEN [r.offerId]
         WHEN 'PROVIDER' THEN [r.toOrganisationId]
         WHEN 'DISTRICT' THEN [coalesce(r.districtId, '')]
         WHEN 'CATEGORY' THEN [r.category]
         ELSE [r.fromOrganisationId + '|' + r.toOrganisationId]
       END AS key
WITH key, r.status AS status, coalesce(r.reason, '') AS reason, r.answerDays AS answerDays, count(*) AS n
RETURN collect([key, status, reason, answerDays, n]) AS counts
// filter:end
