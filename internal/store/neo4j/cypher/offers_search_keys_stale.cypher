// Whether some offer is not keyed under the current scheme of searchKeys
// (stored before it, or under another version): the first one's id.
MATCH (o:Offer)
WHERE o.searchKeys IS NULL OR NOT o.searchKeys STARTS WITH $version + ' '
RETURN o.id AS id
LIMIT 1
