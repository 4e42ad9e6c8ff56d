package sqlite

import _ "embed"

// SQL lives in .sql files beside this package; each file is one statement.

//go:embed audit_insert.sql
var insertAuditSQL string
