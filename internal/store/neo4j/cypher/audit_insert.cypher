// Every audited write stores its entry in the same transaction. seq numbers
// the entries in commit order ("newest first" = highest seq first): the
// increment takes the write lock on the one Sequence node, so concurrent
// writers never draw the same number.
MERGE (s:Sequence {id: 'audit'})
ON CREATE SET s.value = 0
SET s.value = s.value + 1
CREATE (e:AuditEntry)
SET e = $entry, e.seq = s.value
