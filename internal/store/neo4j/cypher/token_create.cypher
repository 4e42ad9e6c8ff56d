CREATE (t:Token)
SET t = $props
