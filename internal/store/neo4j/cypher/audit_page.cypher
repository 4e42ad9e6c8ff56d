// Newest (last written) first.
MATCH (e:AuditEntry)
// filter:begin
WHERE ($actorId IS NULL OR e.actorId = $actorId)
  AND ($entityType IS NULL OR e.entityType = $entityType)
  AND ($entityId IS NULL OR e.entityId = $entityId)
  AND ($action IS NULL OR e.action = $action)
  AND ($id IS NULL OR e.id = $id)
// filter:end
// The keyset window of store.OrderingAudit (seq descending; seq is unique):
// after $afterSeq, before $beforeSeq, read forward or, with $backward
// (Relay's last), from the end.
WITH e WHERE ($afterSeq IS NULL OR e.seq < $afterSeq) AND ($beforeSeq IS NULL OR e.seq > $beforeSeq)
// The order belongs to the final RETURN: only there does Cypher promise it.
RETURN e {.*} AS entry
ORDER BY CASE WHEN NOT $backward THEN e.seq END DESC, CASE WHEN $backward THEN e.seq END ASC
LIMIT $limit
