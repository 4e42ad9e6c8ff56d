-- Confidential places: an offer's visibility ('' = PUBLIC, or PROFESSIONAL)
-- and whether its address and position are kept from readers who may not
-- see them (women's shelters, victim counselling, accommodation).
ALTER TABLE offers ADD COLUMN visibility TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN confidential_address INTEGER NOT NULL DEFAULT 0;
