// Package service is Lotse's application layer: every GraphQL operation and
// CLI command goes through one of its methods, which authorizes the caller,
// validates, calls the store and records the audit entry.
package service

import (
	"time"

	"github.com/lotse-kim/lotse/internal/store"
)

// Service answers Lotse's operations over a store.
type Service struct {
	Store store.Store
	Now   func() time.Time
}

// New returns a service over st using the wall clock.
func New(st store.Store) *Service {
	return &Service{Store: st, Now: func() time.Time { return time.Now().UTC() }}
}
