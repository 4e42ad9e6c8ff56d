SELECT id, case_ref, from_org, to_org, offer_id, district_id, municipality, category, needs, note, consent, status,
       reason, history, created_at, updated_at, first_answer_at, closed_at, erased_at
FROM referrals
WHERE id IN (SELECT value FROM json_each(:ids))
