-- The number of the latest directory change (0: none).
SELECT coalesce(max(seq), 0) AS seq FROM directory_changes
