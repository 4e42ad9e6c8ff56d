-- The inbox and the outbox are read from their index alone: it carries what
-- their filters ask (status, offer, day sent, the other side), so counting a provider's
-- 10,000 referrals reads no table row and a page reads only its 20.
DROP INDEX referrals_inbox;
DROP INDEX referrals_outbox;
CREATE INDEX referrals_inbox ON referrals (to_org, created_at DESC, id DESC, status, offer_id, sent_on, from_org);
CREATE INDEX referrals_outbox ON referrals (from_org, created_at DESC, id DESC, status, offer_id, sent_on, to_org);
