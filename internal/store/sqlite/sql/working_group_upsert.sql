INSERT INTO working_groups (id, name, municipality, description)
VALUES (:id, :name, :municipality, :description)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, municipality = excluded.municipality, description = excluded.description
