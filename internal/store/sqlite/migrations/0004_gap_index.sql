-- Covers steer_gap_groups.sql (the active offers of a district in the order
-- of its GROUP BY, with every column it reads) and the always-full rule of
-- steer_gap_offers.sql, so the gap report neither sorts nor reads table rows
-- it then discards.
CREATE INDEX offers_gap_groups ON offers (district_id, status, category, needs_mask, languages, free_places, capacity);
