-- Foreign key checks on again after an import (transfer.go: withoutForeignKeys).
PRAGMA foreign_keys = ON
