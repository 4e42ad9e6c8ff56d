package sqlite

// Temporary: methods not yet implemented. Owned by the steering/access
// engineer, who deletes each stub as its real method lands, and this file at the end.

import (
	"context"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func (s *Store) RecordUnmetNeeds(ctx context.Context, us []directory.UnmetNeed) error { return errTodo }
func (s *Store) UnmetNeedCounts(ctx context.Context, f store.UnmetNeedFilter) ([]store.UnmetNeedCount, error) {
	return nil, errTodo
}
func (s *Store) GapFacts(ctx context.Context, q store.GapQuery) (store.GapFacts, error) {
	return store.GapFacts{}, errTodo
}
func (s *Store) CooperationGraph(ctx context.Context, municipality string) (store.Graph, error) {
	return store.Graph{}, errTodo
}
func (s *Store) Neighbourhood(ctx context.Context, id string, depth int) (store.Graph, error) {
	return store.Graph{}, errTodo
}
func (s *Store) CreateToken(ctx context.Context, t access.Token) error { return errTodo }
func (s *Store) TokenByHash(ctx context.Context, hash string) (access.Token, error) {
	return access.Token{}, errTodo
}
func (s *Store) Tokens(ctx context.Context) ([]access.Token, error)             { return nil, errTodo }
func (s *Store) RevokeToken(ctx context.Context, id string, at time.Time) error { return errTodo }
func (s *Store) AuditLog(ctx context.Context, f store.AuditFilter, p store.Page) (store.AuditPage, error) {
	return store.AuditPage{}, errTodo
}
