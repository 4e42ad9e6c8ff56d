CREATE INDEX directory_change_seq IF NOT EXISTS FOR (n:DirectoryChange) ON (n.seq)
