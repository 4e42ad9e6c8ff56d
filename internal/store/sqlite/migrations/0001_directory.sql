-- The audit log is written by Store.write for every audited mutation.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    actor_name  TEXT NOT NULL,
    role        TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    changes     TEXT NOT NULL -- JSON array of {field, old, new}
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id);

-- The partner directory. Lists inside a record keep the order they were
-- given in as JSON arrays (read back as given); what searches filter on is
-- kept beside them in indexable form: bit masks for the small vocabularies
-- (bit i = position i in directory.NeedAreas / TargetGroups / LegalCircuits,
-- which are append-only), a child table for languages, folded text for
-- search, and an R*Tree for positions. Go computes the derived columns in
-- one place (offerArgs) on every write.

CREATE TABLE districts (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    municipality TEXT NOT NULL,
    population   INTEGER NOT NULL DEFAULT 0,
    centre_lat   REAL,
    centre_lon   REAL,
    radius_km    REAL NOT NULL DEFAULT 0
);
CREATE INDEX districts_municipality ON districts (municipality, name);

CREATE TABLE working_groups (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    municipality TEXT NOT NULL DEFAULT '',
    description  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE organisations (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    parent_id    TEXT REFERENCES organisations (id),
    district_id  TEXT REFERENCES districts (id),
    municipality TEXT NOT NULL DEFAULT '',
    address      TEXT NOT NULL DEFAULT '',
    lat          REAL,
    lon          REAL,
    website      TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL, -- RFC 3339, UTC, 9 fraction digits: sorts as text
    search_text  TEXT NOT NULL  -- directory.Fold(name + " " + description)
);
CREATE INDEX organisations_name ON organisations (name, id);
CREATE INDEX organisations_parent ON organisations (parent_id);
CREATE INDEX organisations_district ON organisations (district_id);
CREATE INDEX organisations_municipality ON organisations (municipality);
CREATE INDEX organisations_kind ON organisations (kind);

CREATE TABLE organisation_working_groups (
    organisation_id  TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    working_group_id TEXT NOT NULL REFERENCES working_groups (id),
    PRIMARY KEY (organisation_id, working_group_id)
) WITHOUT ROWID;
CREATE INDEX organisation_working_groups_group ON organisation_working_groups (working_group_id, organisation_id);

-- Stored once with a < b; read from both ends.
CREATE TABLE cooperations (
    a      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    b      TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    since  TEXT NOT NULL DEFAULT '',
    topics TEXT NOT NULL DEFAULT '[]', -- JSON array
    PRIMARY KEY (a, b),
    CHECK (a < b)
) WITHOUT ROWID;
CREATE INDEX cooperations_b ON cooperations (b, a);

-- rid is the stable integer key the FTS and R*Tree indexes point at; upserts
-- must UPDATE (never REPLACE) so that it and the triggers below stay right.
CREATE TABLE offers (
    rid                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    provider_id         TEXT NOT NULL REFERENCES organisations (id),
    title               TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    category            TEXT NOT NULL,
    course_type         TEXT NOT NULL DEFAULT '',
    needs               TEXT NOT NULL DEFAULT '[]', -- JSON arrays, as given
    target_groups       TEXT NOT NULL DEFAULT '[]',
    languages           TEXT NOT NULL DEFAULT '[]',
    legal_circuits      TEXT NOT NULL DEFAULT '[]',
    needs_mask          INTEGER NOT NULL DEFAULT 0,
    target_groups_mask  INTEGER NOT NULL DEFAULT 0,
    legal_circuits_mask INTEGER NOT NULL DEFAULT 0, -- 0: open to every legal circuit
    childcare           INTEGER NOT NULL DEFAULT 0,
    cost                TEXT NOT NULL,
    capacity            INTEGER,
    free_places         INTEGER,
    schedule            TEXT NOT NULL DEFAULT '',
    age_min             INTEGER,
    age_max             INTEGER,
    funding             TEXT NOT NULL,
    status              TEXT NOT NULL,
    digital             INTEGER NOT NULL DEFAULT 0,
    address             TEXT NOT NULL DEFAULT '',
    lat                 REAL,
    lon                 REAL,
    district_id         TEXT REFERENCES districts (id),
    contact             TEXT NOT NULL DEFAULT '',
    updated_at          TEXT NOT NULL, -- RFC 3339, UTC, 9 fraction digits: sorts as text
    search_text         TEXT NOT NULL  -- directory.Fold(title + " " + description)
);
CREATE INDEX offers_provider ON offers (provider_id, title, id);
CREATE INDEX offers_district ON offers (district_id, status);
CREATE INDEX offers_title ON offers (title, id);
CREATE INDEX offers_status_category ON offers (status, category);
CREATE INDEX offers_updated ON offers (updated_at);

-- One row per language of an offer, for "any of these languages" and for
-- per-district language statistics.
CREATE TABLE offer_languages (
    rid  INTEGER NOT NULL REFERENCES offers (rid) ON DELETE CASCADE,
    lang TEXT NOT NULL,
    PRIMARY KEY (rid, lang)
) WITHOUT ROWID;
CREATE INDEX offer_languages_lang ON offer_languages (lang, rid);

-- Substring search: trigram FTS over the folded text (external content).
CREATE VIRTUAL TABLE offer_fts USING fts5 (search_text, content = 'offers', content_rowid = 'rid', tokenize = 'trigram');
CREATE TRIGGER offers_fts_insert AFTER INSERT ON offers BEGIN
    INSERT INTO offer_fts (rowid, search_text) VALUES (new.rid, new.search_text);
END;
CREATE TRIGGER offers_fts_delete AFTER DELETE ON offers BEGIN
    INSERT INTO offer_fts (offer_fts, rowid, search_text) VALUES ('delete', old.rid, old.search_text);
END;
CREATE TRIGGER offers_fts_update AFTER UPDATE OF search_text ON offers BEGIN
    INSERT INTO offer_fts (offer_fts, rowid, search_text) VALUES ('delete', old.rid, old.search_text);
    INSERT INTO offer_fts (rowid, search_text) VALUES (new.rid, new.search_text);
END;

-- Positions: an R*Tree (bounding box → rids; the gap queries use it), and a
-- covering index by position that carries the matching filters, which the
-- offer search scans so that it drops candidates before reading their rows
-- (measured: half the time of R*Tree + row lookups at 150,000 offers).
CREATE VIRTUAL TABLE offer_geo USING rtree (rid, min_lat, max_lat, min_lon, max_lon);
CREATE TRIGGER offers_geo_insert AFTER INSERT ON offers WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
    INSERT INTO offer_geo (rid, min_lat, max_lat, min_lon, max_lon) VALUES (new.rid, new.lat, new.lat, new.lon, new.lon);
END;
CREATE TRIGGER offers_geo_delete AFTER DELETE ON offers BEGIN
    DELETE FROM offer_geo WHERE rid = old.rid;
END;
CREATE TRIGGER offers_geo_update AFTER UPDATE OF lat, lon ON offers BEGIN
    DELETE FROM offer_geo WHERE rid = old.rid;
    INSERT INTO offer_geo (rid, min_lat, max_lat, min_lon, max_lon)
        SELECT new.rid, new.lat, new.lat, new.lon, new.lon WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
END;
CREATE INDEX offers_position ON offers (lat, lon, status, needs_mask, target_groups_mask, legal_circuits_mask, age_min, age_max)
    WHERE lat IS NOT NULL;
