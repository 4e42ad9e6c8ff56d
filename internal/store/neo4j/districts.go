package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// PutDistricts inserts or replaces districts by id.
func (s *Store) PutDistricts(ctx context.Context, ds []directory.District) error {
	rows := make([]any, len(ds))
	for i, d := range ds {
		rows[i] = districtProps(d)
	}
	return s.write(ctx, logged(store.ChangeDistricts, store.DistrictIDs(ds), func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		_, err := run(ctx, tx, stDistrictUpsert, rowsParam(rows))
		return err
	}))
}

func (s *Store) districts(ctx context.Context, st *statement, params map[string]any) ([]directory.District, error) {
	var out []directory.District
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, st, params)
		if err != nil {
			return err
		}
		out = make([]directory.District, 0, len(recs))
		for _, rec := range recs {
			out = append(out, decodeDistrict(asRow(rec, "district")))
		}
		return nil
	})
	return out, err
}

// Districts lists the districts of a municipality ("" = all), by municipality then name.
func (s *Store) Districts(ctx context.Context, municipality string) ([]directory.District, error) {
	return s.districts(ctx, stDistricts, municipalityParam(municipality))
}

// DistrictsByID returns the districts that exist among ids.
func (s *Store) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	return s.districts(ctx, stDistrictsByID, idsParam(ids))
}
