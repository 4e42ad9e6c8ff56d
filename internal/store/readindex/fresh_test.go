package readindex_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/storetest"
)

// readBack checks every read the index answers right after each write:
// writes go through w, reads through r. When r is w's own decorator this
// is the write-then-read of one process; when r decorates another
// connection to the same database, r learns of the write from the change
// log alone.
func readBack(t *testing.T, w store.Store, r *readindex.Store) {
	ctx := t.Context()
	d := directory.District{ID: "d-1", Name: "Mitte", Municipality: "Solingen", Population: 1000,
		Centre: &directory.GeoPoint{Lat: 51.16, Lon: 7.08}, RadiusKm: 2}
	org := directory.Organisation{ID: "org-1", Name: "Träger", Kind: directory.KindOther, DistrictID: "d-1",
		UpdatedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	off := directory.Offer{ID: "off-1", ProviderID: "org-1", Title: "Sprachcafé", Description: "Deutsch üben",
		Category: directory.CategoryLanguageCourse, Needs: []directory.NeedArea{directory.NeedLanguage},
		TargetGroups: []directory.TargetGroup{directory.GroupAdults}, Languages: []string{"de"}, Cost: directory.CostFree,
		Funding: directory.FundingFunded, Status: directory.StatusActive, DistrictID: "d-1",
		Location: &directory.GeoPoint{Lat: 51.161, Lon: 7.081}, UpdatedAt: time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)}

	search := func(f store.OfferFilter) []string {
		t.Helper()
		p, err := r.SearchOffers(ctx, store.OfferQuery{Filter: f, Page: store.Page{First: 10}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range p.Hits {
			ids = append(ids, h.Offer.ID+"/"+h.Offer.Title)
		}
		return ids
	}
	want := func(what string, got, want any) {
		t.Helper()
		if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
			t.Fatalf("%s = %s, want %s", what, g, w)
		}
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}

	must(w.PutDistricts(ctx, []directory.District{d}))
	ds, err := r.Districts(ctx, "Solingen")
	must(err)
	want("Districts after PutDistricts", len(ds), 1)
	ds, err = r.DistrictsByID(ctx, []string{"d-1"})
	must(err)
	want("DistrictsByID after PutDistricts", len(ds), 1)

	must(w.CreateOrganisation(ctx, org))
	os, err := r.OrganisationsByID(ctx, []string{"org-1"})
	must(err)
	want("OrganisationsByID after create", len(os), 1)

	must(w.CreateOffer(ctx, off))
	want("text search after create", search(store.OfferFilter{Text: "deutsch"}), []string{"off-1/Sprachcafé"})
	want("radius search after create", search(store.OfferFilter{Near: &store.Near{Lat: 51.16, Lon: 7.08, RadiusKm: 1}}), []string{"off-1/Sprachcafé"})
	want("district search after create", search(store.OfferFilter{DistrictIDs: []string{"d-1"}}), []string{"off-1/Sprachcafé"})

	must(w.UpdateOffer(ctx, "off-1", func(o *directory.Offer) error {
		o.Title, o.Description, o.Status = "Erzählcafé", "Geschichten", directory.StatusPaused
		return nil
	}))
	want("old text after update", search(store.OfferFilter{Text: "deutsch"}), []string(nil))
	want("new text after update", search(store.OfferFilter{Text: "geschichten", Status: []directory.OfferStatus{directory.StatusPaused}}), []string{"off-1/Erzählcafé"})
	byID, err := r.OffersByID(ctx, []string{"off-1"})
	must(err)
	want("OffersByID after update", byID[0].Title, "Erzählcafé")
	byProv, err := r.OffersByProvider(ctx, []string{"org-1"})
	must(err)
	want("OffersByProvider after update", len(byProv), 1)

	must(w.UpdateOrganisation(ctx, "org-1", func(o *directory.Organisation) error { o.Name = "Neuer Name"; return nil }))
	os, err = r.OrganisationsByID(ctx, []string{"org-1"})
	must(err)
	want("organisation name after update", os[0].Name, "Neuer Name")

	must(w.DeleteOffer(ctx, "off-1"))
	want("search after delete", search(store.OfferFilter{}), []string(nil))
	byProv, err = r.OffersByProvider(ctx, []string{"org-1"})
	must(err)
	want("OffersByProvider after delete", len(byProv), 0)
	must(w.DeleteOrganisation(ctx, "org-1"))
	os, err = r.OrganisationsByID(ctx, []string{"org-1"})
	must(err)
	want("OrganisationsByID after delete", len(os), 0)

	off.ID = "off-2"
	must(w.Import(ctx, directory.Snapshot{Organisations: []directory.Organisation{org}, Offers: []directory.Offer{off}}))
	want("search after import", search(store.OfferFilter{Text: "deutsch"}), []string{"off-2/Sprachcafé"})
}

// TestWriteThenRead: a write through the decorator is in its next read.
func TestWriteThenRead(t *testing.T) {
	ix := newIndexed(t, newSQLite(t))
	readBack(t, ix, ix)
}

// TestOtherProcessWrites: two stores on one SQLite file stand for two
// processes (a server and `lotse import`, or two servers); a write through
// one is in the next read of the other's index.
func TestOtherProcessWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lotse.db")
	a, b := openSQLite(t, path), openSQLite(t, path)
	ia, ib := newIndexed(t, a), newIndexed(t, b)
	readBack(t, ia, ib)
	// And the other way round, on top of what is there, without the decorator.
	if err := b.UpdateOffer(t.Context(), "off-2", func(o *directory.Offer) error { o.Title = "Von B"; return nil }); err != nil {
		t.Fatal(err)
	}
	got, err := ia.OffersByID(t.Context(), []string{"off-2"})
	if err != nil || len(got) != 1 || got[0].Title != "Von B" {
		t.Fatalf("A's index after B's write = %v, %v", got, err)
	}
}

// neo4jStores opens n stores on the test Neo4j, as n replicas would; the
// database is wiped first. Skips without a server.
func neo4jStores(t *testing.T, n int) []*neo4j.Store {
	t.Helper()
	srv, ok := neo4jtest.FromEnv()
	if !ok {
		t.Skip(neo4jtest.SkipReason)
	}
	ctx := context.Background()
	if err := srv.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	var out []*neo4j.Store
	for range n {
		// A generous call deadline: on a loaded machine the JVM can be slow to
		// hand out a connection, and this test is about freshness, not speed.
		s, err := neo4j.Open(ctx, neo4j.Config{URI: srv.URI, Username: srv.Username, Password: srv.Password, Database: srv.Database,
			Timeout: time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		out = append(out, s)
	}
	return out
}

// TestOtherReplicaWrites: two replicas on one Neo4j, each with its own
// index; a write acknowledged by one is in the next read of the other.
func TestOtherReplicaWrites(t *testing.T) {
	st := neo4jStores(t, 2)
	ia, ib := newIndexed(t, st[0]), newIndexed(t, st[1])
	readBack(t, ia, ib)
	writeThenSearch := func(w store.Store, r *readindex.Store, title string) {
		t.Helper()
		if err := w.UpdateOffer(t.Context(), "off-2", func(o *directory.Offer) error { o.Title = title; return nil }); err != nil {
			t.Fatal(err)
		}
		got, err := r.SearchOffers(t.Context(), store.OfferQuery{Filter: store.OfferFilter{Text: title}, Page: store.Page{First: 5}})
		if err != nil || got.TotalCount != 1 || got.Hits[0].Offer.Title != title {
			t.Fatalf("search for %q on the other replica = %+v, %v", title, got, err)
		}
	}
	writeThenSearch(ib, ia, "Zweiter Titel")
	writeThenSearch(st[0], ib, "Dritter Titel") // a writer without an index of its own
}

// The conformance suite over the decorator on Neo4j.
func TestConformanceNeo4j(t *testing.T) {
	st := neo4jStores(t, 1)[0]
	srv, _ := neo4jtest.FromEnv()
	storetest.Run(t, func(t *testing.T) store.Store {
		if err := srv.Wipe(context.Background()); err != nil {
			t.Fatal(err)
		}
		return newIndexed(t, st)
	})
}

// TestConcurrentReadsAndWrites: searches (which fill the term caches under
// the read lock) run while writes change the index; run with -race.
func TestConcurrentReadsAndWrites(t *testing.T) {
	_, ix, snap := demoStores(t)
	ctx := t.Context()
	done := make(chan struct{})
	errs := make(chan error, 4)
	for g := range 3 {
		go func() {
			for i := 0; ; i++ {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				text := []string{"deutsch", "e", "kurs beratung", "a"}[(g+i)%4]
				if _, err := ix.SearchOffers(ctx, store.OfferQuery{Filter: store.OfferFilter{Text: text}, Page: store.Page{First: 5}}); err != nil {
					errs <- err
					return
				}
				// Districts sorts lazily under the read lock (go test -race).
				if _, err := ix.Districts(ctx, ""); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := range 30 {
		o := snap.Offers[i]
		if err := ix.UpdateOffer(ctx, o.ID, func(o *directory.Offer) error { o.Title = fmt.Sprint("Kurs ", i); return nil }); err != nil {
			t.Fatal(err)
		}
		d := snap.Districts[i%len(snap.Districts)]
		d.Name = fmt.Sprint(d.Name, " ", i)
		if err := ix.PutDistricts(ctx, []directory.District{d}); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	for range 3 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

// searchCounter counts the searches that reach the store.
type searchCounter struct {
	store.Store
	n atomic.Int64
}

func (c *searchCounter) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	c.n.Add(1)
	return c.Store.SearchOffers(ctx, q)
}

// TestImportReadsAnewInBackground: after an import the index is read anew
// without holding reads up: they go to the store (and see the import) until
// the new index is in, then the index answers again.
func TestImportReadsAnewInBackground(t *testing.T) {
	inner := &searchCounter{Store: newSQLite(t)}
	ix := newIndexed(t, inner)
	readBack(t, ix, ix) // ends with an import
	q := store.OfferQuery{Filter: store.OfferFilter{Text: "deutsch"}, Page: store.Page{First: 5}}
	for start := time.Now(); ; {
		before := inner.n.Load()
		p, err := ix.SearchOffers(t.Context(), q)
		if err != nil || p.TotalCount != 1 || p.Hits[0].Offer.ID != "off-2" {
			t.Fatalf("search after the import = %+v, %v", p, err)
		}
		if inner.n.Load() == before {
			return // answered by the new index
		}
		if time.Since(start) > 20*time.Second {
			t.Fatal("the index was not read anew within 20 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
}
