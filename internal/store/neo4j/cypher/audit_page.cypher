// Newest (last written) first.
MATCH (e:AuditEntry)
// filter:begin
WHERE ($actorId IS NULL OR e.actorId = $actorId)
  AND ($entityType IS NULL OR e.entityType = $entityType)
  AND ($entityId IS NULL OR e.entityId = $entityId)
  AND ($action IS NULL OR e.action = $action)
  AND ($id IS NULL OR e.id = $id)
// filter:end
// The order belongs to the final RETURN: only there does Cypher promise it.
RETURN e {.*} AS entry
ORDER BY e.seq DESC
SKIP $skip
LIMIT $limit
