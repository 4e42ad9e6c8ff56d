package service

import (
	"context"
	"slices"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Municipalities lists the municipalities that have districts, A to Z.
// Anyone may ask: it is the vocabulary of every municipality argument.
func (s *Service) Municipalities(ctx context.Context) ([]string, error) {
	ds, err := s.store.Districts(ctx, "")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range ds {
		if d.Municipality != "" && !slices.Contains(out, d.Municipality) {
			out = append(out, d.Municipality)
		}
	}
	slices.Sort(out)
	return out, nil
}

// municipality returns the stored spelling of name, matched ignoring case
// and umlauts ("solingen", "KOELN" → "Köln"), so that every argument that
// names a municipality agrees: an unknown one is a *store.NotFound on
// field everywhere, never a search that quietly matches nothing. "" stays
// "" (no municipality asked for).
func (s *Service) municipality(ctx context.Context, field, name string) (string, error) {
	if name == "" {
		return "", nil
	}
	p := directory.NewProblems()
	checkMunicipality(p, name)
	if err := p.Err(); err != nil {
		return "", err
	}
	// The stored spelling itself is found by its own districts alone; the
	// list of all municipalities reads all 280 NRW districts with their
	// outlines (4 ms of a gap report).
	if own, err := s.store.Districts(ctx, name); err != nil {
		return "", err
	} else if len(own) > 0 {
		return name, nil
	}
	all, err := s.Municipalities(ctx)
	if err != nil {
		return "", err
	}
	want := directory.Fold(name)
	for _, m := range all {
		if m == name || directory.Fold(m) == want {
			return m, nil
		}
	}
	return "", &store.NotFound{Field: field, Entity: "municipality", ID: name}
}
