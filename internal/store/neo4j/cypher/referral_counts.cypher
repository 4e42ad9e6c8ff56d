// Referrals sent in a window, grouped by the key $groupBy names, status,
// reason and days to the first answer. NEED counts a referral once per need.
// One record holding the groups as [key, status, reason, answerDays, n]
// lists, which Go sorts (only a final RETURN's ORDER BY promises an order):
// the driver reads every record in a goroutine of its own (183,309 flow
// groups over 200,000 referrals: a second of CPU).
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
WITH key, r.status AS status, coalesce(r.reason, '') AS reason, r.answerDays AS answerDays, count(*) AS n
RETURN collect([key, status, reason, answerDays, n]) AS counts
// filter:end
