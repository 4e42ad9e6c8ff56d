// A change log begun before logs had epochs gets one (store.DirectoryStamp).
MATCH (s:Sequence {id: 'directory'})
WHERE s.epoch IS NULL
SET s.epoch = randomUUID()
