-- Cooperations a partner proposed and the other side (or steering) has not
-- confirmed yet; kept apart from cooperations, so that every read of
-- cooperations (and so the network analysis) counts confirmed ones only.
CREATE TABLE cooperation_proposals (
    a           TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    b           TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    since       TEXT NOT NULL DEFAULT '',
    topics      TEXT NOT NULL DEFAULT '[]', -- JSON array
    proposed_by TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX cooperation_proposals_b ON cooperation_proposals (b, a);
