// The number of the latest directory change (0: none) and the epoch of the
// log (null: none): store.DirectoryStamp.
OPTIONAL MATCH (s:Sequence {id: 'directory'})
RETURN coalesce(s.value, 0) AS seq, s.epoch AS epoch
