-- Drops the changes numbered :before and older.
DELETE FROM directory_changes WHERE seq <= :before
