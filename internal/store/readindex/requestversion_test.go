package readindex_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// versionCounter counts the looks at the change log that reach the store.
type versionCounter struct {
	store.Store
	n atomic.Int64
}

func (c *versionCounter) DirectoryVersion(ctx context.Context) (int64, error) {
	c.n.Add(1)
	return c.Store.DirectoryVersion(ctx)
}

// TestOneVersionLookPerRequest: the reads of one request (store.WithRequestVersion)
// look at the change log once; a write another process acknowledged is in
// the next request, and a request's own write is in its own next read.
func TestOneVersionLookPerRequest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lotse.db")
	a, b := openSQLite(t, path), openSQLite(t, path)
	ctx := t.Context()
	d := directory.District{ID: "d-1", Name: "Mitte", Municipality: "Solingen", Population: 1000}
	org := directory.Organisation{ID: "org-1", Name: "Träger", Kind: directory.KindOther, DistrictID: "d-1",
		UpdatedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	off := directory.Offer{ID: "off-1", ProviderID: "org-1", Title: "Sprachcafé", Category: directory.CategoryMeetingPlace,
		Needs: []directory.NeedArea{directory.NeedLanguage}, Cost: directory.CostFree, Status: directory.StatusActive,
		DistrictID: "d-1", UpdatedAt: org.UpdatedAt}
	if err := a.PutDistricts(ctx, []directory.District{d}); err != nil {
		t.Fatal(err)
	}
	if err := a.CreateOrganisation(ctx, org); err != nil {
		t.Fatal(err)
	}
	if err := a.CreateOffer(ctx, off); err != nil {
		t.Fatal(err)
	}
	counted := &versionCounter{Store: a}
	ix := newIndexed(t, counted)

	title := func(ctx context.Context) string {
		t.Helper()
		got, err := ix.OffersByID(ctx, []string{"off-1"})
		if err != nil || len(got) != 1 {
			t.Fatalf("OffersByID = %v, %v", got, err)
		}
		return got[0].Title
	}
	req := store.WithRequestVersion(ctx)
	before := counted.n.Load()
	if _, err := ix.SearchOffers(req, store.OfferQuery{Page: store.Page{First: 10}}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.OrganisationsByID(req, []string{"org-1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.DistrictsByID(req, []string{"d-1"}); err != nil {
		t.Fatal(err)
	}
	title(req)
	if n := counted.n.Load() - before; n != 1 {
		t.Errorf("four reads of one request looked at the change log %d times, want 1", n)
	}

	// Another process writes; the next request sees it.
	if err := b.UpdateOffer(ctx, "off-1", func(o *directory.Offer) error { o.Title = "Von B"; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := title(store.WithRequestVersion(ctx)); got != "Von B" {
		t.Fatalf("a new request after B's write reads %q", got)
	}

	// A request's own write is in its own next read.
	req = store.WithRequestVersion(ctx)
	title(req)
	if err := ix.UpdateOffer(req, "off-1", func(o *directory.Offer) error { o.Title = "Von A"; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := title(req); got != "Von A" {
		t.Fatalf("the request's read after its own write reads %q", got)
	}
	// And another process's write between two of a request's reads is there
	// once the request has written itself (its write looked again).
	if err := b.UpdateOffer(ctx, "off-1", func(o *directory.Offer) error { o.Title = "Wieder B"; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := ix.UpdateOrganisation(req, "org-1", func(o *directory.Organisation) error { o.Name = "Träger A"; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := title(req); got != "Wieder B" {
		t.Fatalf("after the request's second write it reads %q, want B's title", got)
	}
}

// awayStore is a real store whose database can be made unreachable: every
// look at the change log and every offer search then fails with
// store.ErrUnavailable, as on a Neo4j that is down, and is counted.
type awayStore struct {
	store.Store
	away  atomic.Bool
	calls atomic.Int64
}

func (a *awayStore) DirectoryVersion(ctx context.Context) (int64, error) {
	if a.away.Load() {
		a.calls.Add(1)
		return 0, fmt.Errorf("%w: dial tcp: connection refused", store.ErrUnavailable)
	}
	return a.Store.DirectoryVersion(ctx)
}

func (a *awayStore) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	if a.away.Load() {
		a.calls.Add(1)
		return store.OfferPage{}, store.ErrUnavailable
	}
	return a.Store.SearchOffers(ctx, q)
}

// TestUnavailableStoreAskedOncePerRequest: with the database away, the
// reads of one request fail with ErrUnavailable after one attempt, not one
// each (on Neo4j every attempt waits out --neo4j-timeout: a search request
// took 30 s, three timeouts, instead of 10); the next request asks again and
// is answered once the database is back.
func TestUnavailableStoreAskedOncePerRequest(t *testing.T) {
	inner := &awayStore{Store: openSQLite(t, filepath.Join(t.TempDir(), "lotse.db"))}
	ix := newIndexed(t, inner)
	inner.away.Store(true)
	req := store.WithRequestVersion(t.Context())
	if _, err := ix.SearchOffers(req, store.OfferQuery{Page: store.Page{First: 10}}); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("SearchOffers with the database away = %v, want ErrUnavailable", err)
	}
	if _, err := ix.OrganisationsByID(req, []string{"org-1"}); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("OrganisationsByID with the database away = %v, want ErrUnavailable", err)
	}
	if _, err := ix.Districts(req, ""); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("Districts with the database away = %v, want ErrUnavailable", err)
	}
	if n := inner.calls.Load(); n != 1 {
		t.Errorf("three reads of one request asked the unreachable store %d times, want 1", n)
	}
	inner.away.Store(false)
	if _, err := ix.SearchOffers(store.WithRequestVersion(t.Context()), store.OfferQuery{Page: store.Page{First: 10}}); err != nil {
		t.Errorf("the next request, database back: %v", err)
	}
	// A request's kept failure is forgotten once the request writes (its
	// write reached the database, so it is there).
	req = store.WithRequestVersion(t.Context())
	inner.away.Store(true)
	_, _ = ix.Districts(req, "")
	inner.away.Store(false)
	if err := ix.PutDistricts(req, []directory.District{{ID: "d-1", Name: "Mitte", Municipality: "Solingen"}}); err != nil {
		t.Fatal(err)
	}
	if ds, err := ix.Districts(req, ""); err != nil || len(ds) != 1 {
		t.Errorf("after the request's own write: %v, %v", ds, err)
	}
}
