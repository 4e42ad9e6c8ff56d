// Logs one directory write (store.ChangeLog), in the write's transaction.
// The increment takes the write lock on the one Sequence node, so changes
// are numbered in commit order, across replicas, without gaps. The epoch
// names this log (store.DirectoryStamp): a database emptied and filled
// again numbers from 1 in a log of a new epoch; a log begun before epochs
// gets one with its next change.
MERGE (s:Sequence {id: 'directory'})
ON CREATE SET s.value = 0
SET s.value = s.value + 1, s.epoch = coalesce(s.epoch, randomUUID())
CREATE (c:DirectoryChange {seq: s.value, kind: $kind, ids: $ids})
RETURN s.value AS seq
