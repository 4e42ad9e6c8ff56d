-- Referrals from case management to offers (DESIGN.md §2). No client name or
-- contact: case_ref is the sending organisation's pseudonym, erased with the
-- note after the retention period or when consent is withdrawn.
--
-- The offer's provider, district, municipality and category are recorded at
-- sending, so that the inbox and the statistics stay right when the offer
-- changes or goes; hence no foreign keys (the store checks references on write).
CREATE TABLE referrals (
    id              TEXT PRIMARY KEY,
    case_ref        TEXT NOT NULL DEFAULT '',
    from_org        TEXT NOT NULL,
    to_org          TEXT NOT NULL,
    offer_id        TEXT NOT NULL,
    district_id     TEXT NOT NULL DEFAULT '',
    municipality    TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL,
    needs           TEXT NOT NULL,          -- JSON array of need areas
    note            TEXT NOT NULL DEFAULT '',
    consent         TEXT NOT NULL,          -- JSON referral.Consent
    status          TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    history         TEXT NOT NULL,          -- JSON []referral.Event
    sent_on         TEXT NOT NULL,          -- ISO date of created_at
    created_at      TEXT NOT NULL,          -- fixed-width UTC, text order is time order
    updated_at      TEXT NOT NULL,
    first_answer_at TEXT,
    answer_days     INTEGER NOT NULL DEFAULT -1,
    closed_at       TEXT,
    erased_at       TEXT
);
-- The provider's inbox and the sender's outbox, newest first.
CREATE INDEX referrals_inbox ON referrals (to_org, created_at DESC, id DESC);
CREATE INDEX referrals_outbox ON referrals (from_org, created_at DESC, id DESC);
CREATE INDEX referrals_offer ON referrals (offer_id, created_at DESC, id DESC);
-- Statistics of one municipality in a window, from the index alone.
CREATE INDEX referrals_stats ON referrals (municipality, sent_on, status, reason, answer_days, offer_id, to_org, district_id, category);
-- Retention: what is closed and not yet erased.
CREATE INDEX referrals_retention ON referrals (closed_at) WHERE erased_at IS NULL;
