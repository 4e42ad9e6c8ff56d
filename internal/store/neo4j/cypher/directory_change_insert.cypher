// Logs one directory write (store.ChangeLog), in the write's transaction.
// The increment takes the write lock on the one Sequence node, so changes
// are numbered in commit order, across replicas, without gaps.
MERGE (s:Sequence {id: 'directory'})
ON CREATE SET s.value = 0
SET s.value = s.value + 1
CREATE (c:DirectoryChange {seq: s.value, kind: $kind, ids: $ids})
RETURN s.value AS seq
