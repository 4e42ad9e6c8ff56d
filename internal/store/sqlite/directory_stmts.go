package sqlite

import (
	"context"
	"database/sql"
	"runtime"
	"sync"
	"weak"
)

// Preparing the search statement costs about as much as running it, so hot
// reads keep their prepared statements. The cache hangs off the Store by a
// weak pointer (Store's fields belong to sqlite.go) and is closed when the
// Store is garbage collected; a *sql.Stmt re-prepares itself per connection.
// TODO(lead): a stmts field on Store, closed in Close, would be plainer.
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

var stmtCaches sync.Map // weak.Pointer[Store] → *stmtCache

// readStmt returns the prepared form of query on the reader pool.
func (s *Store) readStmt(ctx context.Context, query string) (*sql.Stmt, error) {
	key := weak.Make(s)
	v, ok := stmtCaches.Load(key)
	if !ok {
		var loaded bool
		v, loaded = stmtCaches.LoadOrStore(key, &stmtCache{stmts: map[string]*sql.Stmt{}})
		if !loaded {
			runtime.AddCleanup(s, func(k weak.Pointer[Store]) {
				if v, ok := stmtCaches.LoadAndDelete(k); ok {
					c := v.(*stmtCache)
					c.mu.Lock()
					defer c.mu.Unlock()
					for _, st := range c.stmts {
						st.Close()
					}
				}
			}, key)
		}
	}
	c := v.(*stmtCache)
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := s.r.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}
