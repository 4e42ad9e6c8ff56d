CREATE INDEX audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) ON (n.seq)
