package respcache_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
)

// awayStore is a real store whose database can be made unreachable: every
// look at the change log and every directory read then fails with
// store.ErrUnavailable, as on a Neo4j that is down, and is counted.
type awayStore struct {
	store.Store
	away  atomic.Bool
	calls atomic.Int64
}

func (a *awayStore) down() error {
	a.calls.Add(1)
	return fmt.Errorf("%w: dial tcp: connection refused", store.ErrUnavailable)
}

func (a *awayStore) DirectoryVersion(ctx context.Context) (int64, error) {
	if a.away.Load() {
		return 0, a.down()
	}
	return a.Store.DirectoryVersion(ctx)
}

func (a *awayStore) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	if a.away.Load() {
		return store.OfferPage{}, a.down()
	}
	return a.Store.SearchOffers(ctx, q)
}

func (a *awayStore) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	if a.away.Load() {
		return nil, a.down()
	}
	return a.Store.OrganisationsByID(ctx, ids)
}

// TestDatabaseAwayAskedOncePerRequest: with the database away, a search
// with its providers is UNAVAILABLE after one attempt to reach the store,
// the cache's look at the version, which the read index shares. On Neo4j
// every attempt waits out --neo4j-timeout, and the cache's look, the read
// index's and the search's own made a search take 30 s instead of 10.
func TestDatabaseAwayAskedOncePerRequest(t *testing.T) {
	inner := &awayStore{Store: sqliteStore(t, filepath.Join(t.TempDir(), "lotse.db"))}
	if _, err := service.New(inner).Import(operator(t), fixture()); err != nil {
		t.Fatal(err)
	}
	n := newNode(t, inner, 1<<20)
	const q = `{ offers(first: 5) { totalCount edges { node { id provider { name } } } } }`
	n.data(access.RolePublic, q, nil)
	inner.away.Store(true)
	a := n.post(access.RolePublic, `{ offers(first: 6) { totalCount edges { node { id provider { name } } } } }`, nil)
	if !strings.Contains(string(a.body), `"UNAVAILABLE"`) {
		t.Errorf("with the database away: status %d, %s; want UNAVAILABLE", a.status, a.body)
	}
	if c := inner.calls.Load(); c != 1 {
		t.Errorf("one request tried the unreachable store %d times, want 1", c)
	}
	inner.away.Store(false)
	n.data(access.RolePublic, q, nil)
}
