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
// Whether some entry lies at or before the after cursor, at or after the
// before cursor: hasPreviousPage and hasNextPage beyond the page's own rows.
RETURN count(*) AS total,
  count(CASE WHEN $afterSeq IS NOT NULL AND e.seq >= $afterSeq THEN 1 END) > 0 AS upToAfter,
  count(CASE WHEN $beforeSeq IS NOT NULL AND e.seq <= $beforeSeq THEN 1 END) > 0 AS fromBefore
