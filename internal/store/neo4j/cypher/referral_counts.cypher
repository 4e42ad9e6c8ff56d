// Referrals sent in a window, grouped by the key $groupBy names, status,
// reason and days to the first answer. NEED counts a referral once per need.
// For all municipalities: a scan (one municipality starts from the
// referral_stats index: referral_counts_municipality).
MATCH (r:Referral)
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
RETURN key, r.status AS status, coalesce(r.reason, '') AS reason, r.answerDays AS answerDays, count(*) AS n
ORDER BY key, status, reason, answerDays
// filter:end
