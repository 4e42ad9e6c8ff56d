-- The directory as a competent PostgreSQL user would lay it out for
-- PostGraphile: foreign keys with their indexes, the filtered columns
-- indexed, trigram indexes for substring search on title and description.
-- Titles sort bytewise (COLLATE "C"), as SQLite sorts them in Lotse, so
-- that both servers return the same first page.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE district (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    municipality text NOT NULL
);

CREATE TABLE organisation (
    id           text PRIMARY KEY,
    name         text NOT NULL,
    kind         text NOT NULL,
    municipality text NOT NULL,
    district_id  text REFERENCES district (id)
);
CREATE INDEX organisation_district_id ON organisation (district_id);

CREATE TABLE offer (
    id          text PRIMARY KEY,
    provider_id text NOT NULL REFERENCES organisation (id),
    title       text COLLATE "C" NOT NULL,
    description text NOT NULL,
    category    text NOT NULL,
    status      text NOT NULL,
    district_id text REFERENCES district (id)
);
CREATE INDEX offer_provider_id ON offer (provider_id, title, id);
CREATE INDEX offer_district_id ON offer (district_id, category, title, id);
CREATE INDEX offer_category ON offer (category);
CREATE INDEX offer_title ON offer (title, id);
CREATE INDEX offer_title_trgm ON offer USING gin (title gin_trgm_ops);
CREATE INDEX offer_description_trgm ON offer USING gin (description gin_trgm_ops);
