// Unmet needs grouped by district, need, language and target group; a null
// parameter does not filter, dates are ISO text and compare in date order.
MATCH (u:UnmetNeed)-[:IN]->(d:District)
WHERE ($municipality IS NULL OR d.municipality = $municipality)
  AND ($districtIds IS NULL OR d.id IN $districtIds)
  AND ($needs IS NULL OR u.need IN $needs)
  AND ($since IS NULL OR u.recordedOn >= $since)
  AND ($until IS NULL OR u.recordedOn <= $until)
RETURN d.id AS districtId,
       u.need AS need,
       coalesce(u.language, '') AS language,
       coalesce(u.targetGroup, '') AS targetGroup,
       count(*) AS occurrences
ORDER BY districtId, need, language, targetGroup
