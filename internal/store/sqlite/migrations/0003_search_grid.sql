-- A grid over positions for radius searches. The old position index led with
-- latitude alone, so a search read every offer in a band across the whole
-- state; a cell (0.05° × 0.05°, about 5.5 × 3.5 km in NRW) turns the bounding
-- box into a few short index ranges, one per row of cells (search.go: cellRanges).
-- The index also covers every column the common filters and the distance
-- order need, so those searches never read a table row they then discard.
DROP INDEX offers_position;
ALTER TABLE offers ADD COLUMN cell INTEGER GENERATED ALWAYS AS (
    CASE WHEN lat IS NULL OR lon IS NULL THEN NULL
         ELSE CAST((lat + 90) * 20 AS INTEGER) * 10000 + CAST((lon + 180) * 20 AS INTEGER) END) VIRTUAL;
CREATE INDEX offers_cell ON offers (cell, lat, lon, status, needs_mask, target_groups_mask, legal_circuits_mask,
    age_min, age_max, category, cost, childcare, free_places, id) WHERE cell IS NOT NULL;
