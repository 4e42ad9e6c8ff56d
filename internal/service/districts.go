package service

import (
	"context"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// ImportDistrictBoundaries gives the districts of a municipality the outlines
// of a GeoJSON file (a city's open data), matching each feature to a district
// by id or by name (directory.MatchBoundaries). All or nothing: any problem,
// named by feature, and nothing is written. It returns the districts that got
// an outline; the others keep theirs. Directory editors only.
func (s *Service) ImportDistrictBoundaries(ctx context.Context, municipality string, fs []directory.BoundaryFeature) ([]directory.District, error) {
	if err := access.Require(access.FromContext(ctx), "importDistrictBoundaries", access.DirectoryEditor...); err != nil {
		return nil, err
	}
	problems := directory.NewProblems()
	if municipality == "" {
		problems.Add("municipality", "must not be empty")
	}
	checkMunicipality(problems, municipality)
	if err := problems.Err(); err != nil {
		return nil, err
	}
	municipality, err := s.municipality(ctx, "municipality", municipality)
	if err != nil {
		return nil, err
	}
	ds, err := s.store.Districts(ctx, municipality)
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, &store.NotFound{Field: "municipality", Entity: "municipality", ID: municipality}
	}
	changed, err := directory.MatchBoundaries(ds, fs)
	if err != nil || len(changed) == 0 {
		return changed, err
	}
	// The audit entry names the districts, not the coordinates: the outlines
	// themselves are in the store and in every export.
	ids := make([]string, len(changed))
	for i, d := range changed {
		ids[i] = d.ID
	}
	type summary struct {
		Municipality string   `json:"municipality"`
		Districts    []string `json:"districts"`
	}
	ctx = s.audited(ctx, "importDistrictBoundaries", "District", municipality, nil, summary{municipality, ids})
	if err := s.store.PutDistricts(ctx, changed); err != nil {
		return nil, err
	}
	return changed, nil
}
