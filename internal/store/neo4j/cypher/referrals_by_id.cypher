MATCH (r:Referral)
WHERE r.id IN $ids
RETURN r {.*} AS referral
