package service

import (
	"context"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// District returns the district with id, or nil. Districts are public.
func (s *Service) District(ctx context.Context, id string) (*directory.District, error) {
	return first(s.store.DistrictsByID(ctx, []string{id}))
}

// AuditEntry returns the audit entry with id, or nil; only ADMIN may read it.
func (s *Service) AuditEntry(ctx context.Context, id string) (*access.AuditEntry, error) {
	page, err := s.AuditLog(ctx, store.AuditFilter{ID: id}, store.Page{First: 1})
	if err != nil {
		return nil, err
	}
	return first(page.Entries, nil)
}
