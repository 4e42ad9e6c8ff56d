MATCH (u:UnmetNeed)
RETURN u {.*, districtId: [(u)-[:IN]->(d:District) | d.id][0]} AS unmetNeed
ORDER BY u.id
