package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// PutDistricts inserts or replaces districts by id.
func (s *Store) PutDistricts(ctx context.Context, ds []directory.District) error {
	return s.write(ctx, logged(ctx, store.ChangeDistricts, store.DistrictIDs(ds), func(tx *sql.Tx) error {
		for _, d := range ds {
			if err := putDistrict(ctx, tx, d); err != nil {
				return err
			}
		}
		return nil
	}))
}

func putDistrict(ctx context.Context, tx *sql.Tx, d directory.District) error {
	lat, lon := pointArgs(d.Centre)
	boundary, err := d.Boundary.GeoJSON()
	if err != nil {
		return fmt.Errorf("district %s: boundary: %w", d.ID, err)
	}
	_, err = exec(ctx, tx, stDistrictUpsert, sql.Named("id", d.ID), sql.Named("name", d.Name),
		sql.Named("municipality", d.Municipality), sql.Named("population", d.Population),
		sql.Named("centre_lat", lat), sql.Named("centre_lon", lon), sql.Named("radius_km", d.RadiusKm),
		sql.Named("boundary", nullString(boundary)))
	return translate(err, "district", d.ID)
}

// Districts lists the districts of a municipality ("" = all), by municipality then name.
func (s *Store) Districts(ctx context.Context, municipality string) ([]directory.District, error) {
	return s.districts(ctx, s.r, nullString(municipality), nil, false)
}

// DistrictsByID returns the districts that exist among ids, by id.
func (s *Store) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	if len(ids) == 0 {
		return []directory.District{}, nil
	}
	return s.districts(ctx, s.r, nil, jsonArray(ids), true)
}

func (s *Store) districts(ctx context.Context, q queryer, municipality, ids any, byID bool) ([]directory.District, error) {
	rows, err := query(ctx, q, stDistricts, sql.Named("municipality", municipality), sql.Named("ids", ids), sql.Named("by_id", byID))
	if err != nil {
		return nil, fmt.Errorf("districts: %w", err)
	}
	defer rows.Close()
	out := []directory.District{}
	for rows.Next() {
		var d directory.District
		var lat, lon sql.NullFloat64
		var boundary sql.NullString
		if err := rows.Scan(&d.ID, &d.Name, &d.Municipality, &d.Population, &lat, &lon, &d.RadiusKm, &boundary); err != nil {
			return nil, fmt.Errorf("districts: %w", err)
		}
		d.Centre = scanPoint(lat, lon)
		if d.Boundary, err = directory.ParseBoundary(boundary.String); err != nil {
			return nil, fmt.Errorf("district %s: stored boundary: %w", d.ID, err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("districts: %w", err)
	}
	return out, nil
}
