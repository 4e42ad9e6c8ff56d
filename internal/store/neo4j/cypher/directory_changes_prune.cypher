// Drops the changes numbered $before and older.
MATCH (c:DirectoryChange) WHERE c.seq <= $before
DELETE c
