-- The directory changes after :after, oldest first; first is the oldest
-- number still kept (0: none), so the caller can tell a pruned gap.
SELECT seq, kind, ids, (SELECT coalesce(min(seq), 0) FROM directory_changes) AS first
FROM directory_changes WHERE seq > :after ORDER BY seq LIMIT :limit
