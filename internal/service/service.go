// Package service is Lotse's application layer: every GraphQL operation and
// CLI command goes through one of its methods, which authorizes the caller,
// validates, calls the store and records the audit entry.
package service

import (
	"context"
	"time"

	"github.com/lotse-kim/lotse/internal/store"
)

// Service answers Lotse's operations over a store. It is the one door to
// the store: nothing else calls a Store method.
type Service struct {
	store store.Store
	Now   func() time.Time
}

// New returns a service over st using the wall clock.
func New(st store.Store) *Service {
	return &Service{store: st, Now: func() time.Time { return time.Now().UTC() }}
}

// Ready reports whether the store answers.
func (s *Service) Ready(ctx context.Context) error {
	return s.store.Ping(ctx)
}

// WritesFailing returns store.ErrStorageFull while writes fail for a full
// disk (reads still work), nil otherwise or when the store cannot tell.
func (s *Service) WritesFailing(ctx context.Context) error {
	if wh, ok := s.store.(store.WriteHealth); ok {
		return wh.WriteError(ctx)
	}
	return nil
}
