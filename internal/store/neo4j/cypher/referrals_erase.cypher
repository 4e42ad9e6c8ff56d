// Retention: erase case reference and note of referrals closed long enough ago.
MATCH (r:Referral)
WHERE r.closedAt IS NOT NULL AND r.closedAt <= $closedBefore AND r.erasedAt IS NULL
SET r.caseRef = null, r.note = null, r.erasedAt = $at
RETURN count(r) AS erased
