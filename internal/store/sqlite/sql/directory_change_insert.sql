-- Logs one directory write (store.ChangeLog), in the write's transaction.
INSERT INTO directory_changes (kind, ids) VALUES (:kind, :ids) RETURNING seq
