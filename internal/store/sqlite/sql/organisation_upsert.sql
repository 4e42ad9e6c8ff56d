INSERT INTO organisations (id, name, kind, description, parent_id, district_id, municipality, address,
    lat, lon, website, email, phone, confidential_address, visibility, updated_at, search_text)
VALUES (:id, :name, :kind, :description, :parent_id, :district_id, :municipality, :address,
    :lat, :lon, :website, :email, :phone, :confidential_address, :visibility, :updated_at, :search_text)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name, kind = excluded.kind, description = excluded.description,
    parent_id = excluded.parent_id, district_id = excluded.district_id, municipality = excluded.municipality,
    address = excluded.address, lat = excluded.lat, lon = excluded.lon, website = excluded.website,
    email = excluded.email, phone = excluded.phone, confidential_address = excluded.confidential_address,
    visibility = excluded.visibility,
    updated_at = excluded.updated_at,
    search_text = excluded.search_text
