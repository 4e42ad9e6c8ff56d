-- An organisation's address can be confidential too (a women's shelter's
-- association): readers who may not see it get the district and contact.
ALTER TABLE organisations ADD COLUMN confidential_address INTEGER NOT NULL DEFAULT 0;
