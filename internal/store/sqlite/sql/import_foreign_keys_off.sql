-- Foreign key checks off on the writer connection during an import
-- (transfer.go: withoutForeignKeys); importDangling checks instead.
PRAGMA foreign_keys = OFF
