-- Everything but the id, the sender and the record of the offer at sending.
UPDATE referrals
SET case_ref = :case_ref, needs = :needs, note = :note, consent = :consent, status = :status, reason = :reason,
    history = :history, updated_at = :updated_at, first_answer_at = :first_answer_at, answer_days = :answer_days,
    closed_at = :closed_at, erased_at = :erased_at
WHERE id = :id
