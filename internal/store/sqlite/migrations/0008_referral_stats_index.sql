-- referralStats reads only this index (every grouping but NEED, which needs
-- the needs list): the sending organisation joins it for the network
-- report's referral flows.
DROP INDEX referrals_stats;
CREATE INDEX referrals_stats ON referrals (municipality, sent_on, status, reason, answer_days, offer_id, to_org, district_id, category, from_org);
