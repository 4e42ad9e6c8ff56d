// Counts what audit_page pages through: the filter block must stay
// identical (TestFilterBlocksAgree).
MATCH (e:AuditEntry)
// filter:begin
WHERE ($actorId IS NULL OR e.actorId = $actorId)
  AND ($entityType IS NULL OR e.entityType = $entityType)
  AND ($entityId IS NULL OR e.entityId = $entityId)
  AND ($action IS NULL OR e.action = $action)
  AND ($id IS NULL OR e.id = $id)
// filter:end
RETURN count(*) AS total
