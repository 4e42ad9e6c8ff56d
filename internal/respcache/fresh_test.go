package respcache_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
)

// The cached query shapes: issue 16's Q1–Q3 and every other directory
// read the cache keeps, fragments included.
const (
	qQ1 = `query Q1($d: [ID!]) { offers(filter: {categories: [INTEGRATION_COURSE, LANGUAGE_COURSE], districtIds: $d}, first: 20) {
		totalCount edges { node { id title provider { id name } district { id name } } } } }`
	qQ2    = `query Q2($id: ID!) { organisation(id: $id) { id name kind offers { id title category } } }`
	qQ3    = `{ offers(filter: {text: "deutsch"}, first: 20) { totalCount edges { node { id title } } } }`
	qOffer = `query O($id: ID!) { offer(id: $id) { ...F } } fragment F on Offer { id title freePlaces district { name } provider { ... on Organisation { name } } }`
	qOrgs  = `{ organisations(filter: {municipality: "Solingen"}) { totalCount edges { node { id name district { name } } } } }`
	qDists = `{ districts(municipality: "Solingen") { id name population boundary } municipalities }`
)

// shapes asks every cached shape on r as role and returns the answers.
type shapes map[string]string

func readAll(r *node, role access.Role) shapes {
	r.t.Helper()
	return shapes{
		"Q1":        r.data(role, qQ1, map[string]any{"d": []string{"d-mitte"}}),
		"Q2":        r.data(role, qQ2, map[string]any{"id": "org-a"}),
		"Q2 new":    r.data(role, qQ2, map[string]any{"id": "org-new"}),
		"Q3":        r.data(role, qQ3, nil),
		"offer":     r.data(role, qOffer, map[string]any{"id": "off-new"}),
		"orgs":      r.data(role, qOrgs, nil),
		"districts": r.data(role, qDists, nil),
	}
}

// primeAll asks every shape twice and requires the second answer to be a
// hit, so that the write that follows has cached answers to make stale.
func primeAll(r *node, role access.Role) {
	r.t.Helper()
	r.expectHit(role, qQ1, map[string]any{"d": []string{"d-mitte"}})
	r.expectHit(role, qQ2, map[string]any{"id": "org-a"})
	r.expectHit(role, qQ2, map[string]any{"id": "org-new"})
	r.expectHit(role, qQ3, nil)
	r.expectHit(role, qOffer, map[string]any{"id": "off-new"})
	r.expectHit(role, qOrgs, nil)
	r.expectHit(role, qDists, nil)
}

// writeThenRead makes every kind of directory write through w (GraphQL
// mutations over HTTP, an import and a district outline import through
// the service, as `lotse import` and `lotse districts import` do) and,
// right after each is acknowledged, reads every cached shape through r,
// whose cache held the answers from before the write.
func writeThenRead(t *testing.T, w, r *node) {
	mutate := func(q string, vars map[string]any) {
		t.Helper()
		w.data(access.RoleAdmin, q, vars)
	}
	step := func(name string, write func(), check func(s shapes)) {
		t.Helper()
		primeAll(r, access.RolePublic)
		write()
		check(readAll(r, access.RolePublic))
		if t.Failed() {
			t.Fatalf("after %s", name)
		}
	}

	step("createOffer", func() {
		mutate(`mutation($in: CreateOfferInput!) { createOffer(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"id": "off-new", "providerId": "org-a", "title": "Neuer Abendkurs Deutsch", "category": "LANGUAGE_COURSE",
			"needs": []string{"LANGUAGE"}, "languageCodes": []string{"de"}, "districtId": "d-mitte", "freePlaces": 3, "capacity": 10}})
	}, func(s shapes) {
		for _, k := range []string{"Q1", "Q2", "Q3", "offer"} {
			mustContain(t, k+" after createOffer", s[k], "Neuer Abendkurs Deutsch")
		}
	})
	step("updateOffer", func() {
		mutate(`mutation { updateOffer(id: "off-new", input: {title: "Geänderter Kurs Deutsch", freePlaces: 1}) { id } }`, nil)
	}, func(s shapes) {
		for _, k := range []string{"Q1", "Q2", "Q3", "offer"} {
			mustContain(t, k+" after updateOffer", s[k], "Geänderter Kurs Deutsch")
			mustNotContain(t, k+" after updateOffer", s[k], "Neuer Abendkurs")
		}
		mustContain(t, "offer after updateOffer", s["offer"], `"freePlaces":1`)
	})
	step("updateOrganisation", func() {
		mutate(`mutation { updateOrganisation(id: "org-a", input: {name: "Bildungswerk Neu"}) { id } }`, nil)
	}, func(s shapes) {
		for _, k := range []string{"Q1", "Q2", "offer", "orgs"} {
			mustContain(t, k+" after updateOrganisation", s[k], "Bildungswerk Neu")
		}
	})
	step("deleteOffer", func() {
		mutate(`mutation { deleteOffer(id: "off-new") }`, nil)
	}, func(s shapes) {
		for _, k := range []string{"Q1", "Q2", "Q3"} {
			mustNotContain(t, k+" after deleteOffer", s[k], "Geänderter Kurs")
		}
		mustContain(t, "offer after deleteOffer", s["offer"], `"offer":null`)
	})
	step("createOrganisation", func() {
		mutate(`mutation { createOrganisation(input: {id: "org-new", name: "Neuer Verein", kind: CULTURAL_ASSOCIATION, municipality: "Solingen", districtId: "d-wald"}) { id } }`, nil)
	}, func(s shapes) {
		mustContain(t, "orgs after createOrganisation", s["orgs"], "Neuer Verein")
		mustContain(t, "Q2 new after createOrganisation", s["Q2 new"], "Neuer Verein")
	})
	step("deleteOrganisation", func() {
		mutate(`mutation { deleteOrganisation(id: "org-new") }`, nil)
	}, func(s shapes) {
		mustNotContain(t, "orgs after deleteOrganisation", s["orgs"], "Neuer Verein")
		mustContain(t, "Q2 new after deleteOrganisation", s["Q2 new"], `"organisation":null`)
	})
	step("import", func() {
		snap := fixture()
		snap.Districts[1].Name = "Wald-Neu"
		snap.Offers[0].Title = "Deutschkurs am Mittag"
		if _, err := w.svc.Import(operator(t), snap); err != nil {
			t.Fatal(err)
		}
	}, func(s shapes) {
		mustContain(t, "districts after import", s["districts"], "Wald-Neu")
		for _, k := range []string{"Q1", "Q2", "Q3"} {
			mustContain(t, k+" after import", s[k], "Deutschkurs am Mittag")
		}
	})
	step("district outlines", func() {
		fs, err := directory.ParseBoundaryFeatures([]byte(`{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "d-mitte",
			"properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[7.05, 51.16], [7.11, 51.16], [7.11, 51.19], [7.05, 51.16]]]}}]}`))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.svc.ImportDistrictBoundaries(operator(t), "Solingen", fs); err != nil {
			t.Fatal(err)
		}
	}, func(s shapes) {
		mustContain(t, "districts after the outline import", s["districts"], `"type":"Polygon"`)
	})
}

// TestWriteThenRead: on one server, every cached shape right after every
// kind of directory write.
func TestWriteThenRead(t *testing.T) {
	n := sqliteNodes(t, 1, 1<<20)[0]
	writeThenRead(t, n, n)
}

// TestOtherProcessWrites: two servers on one SQLite file (two processes, or
// a server and `lotse import`); B's cache learns of A's writes from the
// store's change log, read before every request.
func TestOtherProcessWrites(t *testing.T) {
	ns := sqliteNodes(t, 2, 1<<20)
	writeThenRead(t, ns[0], ns[1])
}

// TestWriteThenReadNeo4j is TestWriteThenRead on Neo4j.
func TestWriteThenReadNeo4j(t *testing.T) {
	n := neo4jNodes(t, 1)[0]
	writeThenRead(t, n, n)
}

// TestOtherReplicaWrites: two replicas on one Neo4j, each with its own
// read index and cache; a write acknowledged by A is in B's next answer
// (B reads the (:Sequence {id: "directory"}) number before each request).
func TestOtherReplicaWrites(t *testing.T) {
	ns := neo4jNodes(t, 2)
	writeThenRead(t, ns[0], ns[1])
}

// TestWriteDuringExecution: a write that commits while a request runs
// (after the request's store read, before its answer is kept) must not
// leave that answer to be served: it was computed before the write but is
// kept under the version read before it ran, which the write has passed.
func TestWriteDuringExecution(t *testing.T) {
	ns := sqliteNodes(t, 2, 1<<20)
	r, w := ns[0], ns[1]
	before := r.data(access.RolePublic, qQ3, nil)
	mustContain(t, "Q3 before", before, "Deutschkurs am Morgen")
	// Another query text, so that the request below is a miss that runs.
	q := qQ3 + " "
	write := func() {
		w.data(access.RoleAdmin, `mutation { updateOffer(id: "off-1", input: {title: "Deutschkurs am Abend"}) { id } }`, nil)
	}
	r.reads.during.Store(&write)
	during := r.data(access.RolePublic, q, nil)
	mustContain(t, "Q3 during the write", during, "Deutschkurs am Morgen") // read before the write committed
	if r.reads.during.Load() != nil {
		t.Fatal("the write did not run during the request")
	}
	after := r.data(access.RolePublic, q, nil)
	mustContain(t, "Q3 after the write", after, "Deutschkurs am Abend")
	mustNotContain(t, "Q3 after the write", after, "Deutschkurs am Morgen")
}

// TestConcurrentWritesNeverStale: readers hammer the cached shapes while
// a writer renames an offer; after each rename is acknowledged, every read
// that starts later sees that name or a newer one. Run with -race.
func TestConcurrentWritesNeverStale(t *testing.T) {
	ns := sqliteNodes(t, 2, 1<<20)
	r, w := ns[0], ns[1]
	var mu sync.Mutex
	acked := 0 // the last rename acknowledged
	stop := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				mu.Lock()
				min := acked
				mu.Unlock()
				a := r.post(access.RolePublic, qQ2, map[string]any{"id": "org-a"})
				got := string(a.body)
				if a.status != 200 || !strings.HasPrefix(got, `{"data":`) {
					errs <- fmt.Sprintf("status %d: %s", a.status, got)
					return
				}
				var n int
				if i := strings.Index(got, "Runde "); i >= 0 {
					fmt.Sscanf(got[i:], "Runde %d", &n)
				}
				if n < min {
					errs <- fmt.Sprintf("read %q after rename %d was acknowledged", got, min)
					return
				}
			}
		}()
	}
	for i := 1; i <= 15; i++ {
		w.data(access.RoleAdmin, `mutation($t: String) { updateOffer(id: "off-2", input: {title: $t}) { id } }`,
			map[string]any{"t": fmt.Sprintf("Runde %d", i)})
		mu.Lock()
		acked = i
		mu.Unlock()
	}
	close(stop)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
