package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"sync"
)

// Preparing the search statement costs about as much as running it, so hot
// reads keep their prepared statements, one cache per Store, closed in
// Close; a *sql.Stmt re-prepares itself per connection.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// readStmt returns the prepared form of query on the reader pool.
func (s *Store) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := s.r.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

// close closes every cached statement.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.stmts {
		errs = append(errs, st.Close())
	}
	c.stmts = nil
	return errors.Join(errs...)
}
