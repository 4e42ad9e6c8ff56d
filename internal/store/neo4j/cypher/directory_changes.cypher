// The directory changes after $after, oldest first; first is the oldest
// number still kept (0: none), so the caller can tell a pruned gap.
CALL () {
  OPTIONAL MATCH (f:DirectoryChange) WHERE f.seq > 0
  WITH f ORDER BY f.seq LIMIT 1
  RETURN coalesce(f.seq, 0) AS first
}
OPTIONAL MATCH (c:DirectoryChange) WHERE c.seq > $after
RETURN first, c.seq AS seq, c.kind AS kind, c.ids AS ids
ORDER BY seq LIMIT $limit
