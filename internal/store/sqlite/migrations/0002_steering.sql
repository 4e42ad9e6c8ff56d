-- Steering and access: unmet needs recorded by case management, and API tokens.

-- An unmet need (Bedarf ohne Angebot); no client identity. Empty strings, not
-- NULL, for an unknown language or target group, so that grouping is plain.
CREATE TABLE unmet_needs (
    id           TEXT PRIMARY KEY,
    need         TEXT NOT NULL,
    district_id  TEXT NOT NULL REFERENCES districts (id),
    language     TEXT NOT NULL DEFAULT '',
    target_group TEXT NOT NULL DEFAULT '',
    recorded_on  TEXT NOT NULL -- ISO date YYYY-MM-DD, so text order is date order
);
CREATE INDEX unmet_needs_district ON unmet_needs (district_id, need, language, target_group);
CREATE INDEX unmet_needs_recorded ON unmet_needs (recorded_on);

-- API tokens: only the hex SHA-256 of the secret is kept.
CREATE TABLE tokens (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    role            TEXT NOT NULL,
    organisation_id TEXT NOT NULL DEFAULT '',
    hash            TEXT NOT NULL UNIQUE,
    created_at      TEXT NOT NULL, -- fixed-width UTC (see timeText), so text order is time order
    revoked_at      TEXT
);
CREATE INDEX tokens_created ON tokens (created_at, id);

-- The audit log is read by actor, entity or action, newest (highest seq) first.
CREATE INDEX audit_log_action ON audit_log (action);

-- Positions of active CHILDCARE and PASSAGE_GROUP offers: the gap report asks,
-- for every course, whether childcare is within reach, and an R*Tree of only
-- these offers answers with a handful of candidates instead of every offer
-- nearby. Kept by triggers, like offer_geo; positions are exact in offers.
CREATE VIRTUAL TABLE childcare_geo USING rtree (rid, min_lat, max_lat, min_lon, max_lon);
INSERT INTO childcare_geo (rid, min_lat, max_lat, min_lon, max_lon)
    SELECT rid, lat, lat, lon, lon FROM offers
    WHERE status = 'ACTIVE' AND category IN ('CHILDCARE', 'PASSAGE_GROUP') AND lat IS NOT NULL AND lon IS NOT NULL;
CREATE TRIGGER offers_childcare_geo_insert AFTER INSERT ON offers
WHEN new.status = 'ACTIVE' AND new.category IN ('CHILDCARE', 'PASSAGE_GROUP') AND new.lat IS NOT NULL AND new.lon IS NOT NULL
BEGIN
    INSERT INTO childcare_geo (rid, min_lat, max_lat, min_lon, max_lon) VALUES (new.rid, new.lat, new.lat, new.lon, new.lon);
END;
CREATE TRIGGER offers_childcare_geo_delete AFTER DELETE ON offers BEGIN
    DELETE FROM childcare_geo WHERE rid = old.rid;
END;
CREATE TRIGGER offers_childcare_geo_update AFTER UPDATE OF status, category, lat, lon ON offers BEGIN
    DELETE FROM childcare_geo WHERE rid = old.rid;
    INSERT INTO childcare_geo (rid, min_lat, max_lat, min_lon, max_lon)
        SELECT new.rid, new.lat, new.lat, new.lon, new.lon
        WHERE new.status = 'ACTIVE' AND new.category IN ('CHILDCARE', 'PASSAGE_GROUP')
          AND new.lat IS NOT NULL AND new.lon IS NOT NULL;
END;

-- Gap facts count active offers per district and category straight from the index.
CREATE INDEX offers_district_category ON offers (district_id, status, category);
