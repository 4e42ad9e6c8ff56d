-- The directory's change log (store.ChangeLog): one row per write of
-- districts, organisations or offers, numbered in commit order, so that a
-- read index in another process learns of writes it did not make.
CREATE TABLE directory_changes (
    seq  INTEGER PRIMARY KEY, -- never reused: only the oldest rows are pruned
    kind TEXT NOT NULL,       -- store.ChangeKind
    ids  TEXT NOT NULL        -- JSON array of the ids written
);
