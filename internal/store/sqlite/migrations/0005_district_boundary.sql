-- A district's outline as GeoJSON text (a Polygon or MultiPolygon geometry,
-- validated by directory.Boundary); NULL when unknown. Nothing queries
-- inside it: the stores hand it to the map and the GeoJSON report as is.
ALTER TABLE districts ADD COLUMN boundary TEXT;
