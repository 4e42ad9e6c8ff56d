// Logs one directory write (store.ChangeLog), in the write's transaction.
// The increment takes the write lock on the one Sequence node, so changes
// are numbered in commit order, across replicas, without gaps. The epoch
// names this log: a database emptied and filled again numbers from 1 in a
// log of a new epoch (store.DirectoryStamp).
MERGE (s:Sequence {id: 'directory'})
ON CREATE SET s.value = 0, s.epoch = randomUUID()
SET s.value = s.value + 1
CREATE (c:DirectoryChange {seq: s.value, kind: $kind, ids: $ids})
RETURN s.value AS seq
