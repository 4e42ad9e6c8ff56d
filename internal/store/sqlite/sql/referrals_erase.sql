-- Retention: erase case reference and note of referrals closed long enough ago.
UPDATE referrals
SET case_ref = '', note = '', erased_at = :at
WHERE erased_at IS NULL AND closed_at IS NOT NULL AND closed_at <= :closed_before
