-- What keeps an organisation from being deleted: its offers and its parts.
SELECT (SELECT count(*) FROM offers WHERE provider_id = :id),
       (SELECT count(*) FROM organisations WHERE parent_id = :id)
