-- After a bulk import: what the triggers of deferredTriggers (transfer.go)
-- keep row by row, for every offer at once. The full-text index reads its
-- external content again; the two R*Trees are filled as the triggers of
-- migrations 0001 and 0004 fill them. The full-text index collects 32 MB
-- of terms in memory before it writes a segment (the default is 1 MB):
-- fewer, larger segments to merge, 2.5 times less CPU at NRW scale; the
-- setting is stored with the index, so it is set back to the default.
INSERT INTO offer_fts (offer_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO offer_fts (offer_fts) VALUES ('rebuild');
INSERT INTO offer_fts (offer_fts, rank) VALUES ('hashsize', 1048576);
DELETE FROM offer_geo;
INSERT INTO offer_geo (rid, min_lat, max_lat, min_lon, max_lon)
    SELECT rid, lat, lat, lon, lon FROM offers WHERE lat IS NOT NULL AND lon IS NOT NULL;
DELETE FROM childcare_geo;
INSERT INTO childcare_geo (rid, min_lat, max_lat, min_lon, max_lon)
    SELECT rid, lat, lat, lon, lon FROM offers
    WHERE status = 'ACTIVE' AND category IN ('CHILDCARE', 'PASSAGE_GROUP') AND lat IS NOT NULL AND lon IS NOT NULL;
