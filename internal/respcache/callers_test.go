package respcache_test

import (
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"slices"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
)

// TestRolesNeverShareAnswers: the same request text answers by role. A
// PROFESSIONAL offer is in the case manager's answer and never in the
// anonymous reader's, whichever asked first; a confidential address is
// kept from the anonymous reader and the other organisation's partner,
// not from its own partner.
func TestRolesNeverShareAnswers(t *testing.T) {
	n := sqliteNodes(t, 1, 1<<20)[0]
	const q = `{ offers(filter: {text: "deutsch"}, first: 20) { totalCount edges { node { id title address } } } }`
	pub := n.expectHit(access.RolePublic, q, nil)
	cm := n.expectHit(access.RoleCaseManager, q, nil)
	mustNotContain(t, "anonymous", pub, "Deutsch für Fachkräfte", "Fachstelle")
	mustContain(t, "case manager", cm, "Deutsch für Fachkräfte", "Deutsch in der Fachstelle")
	if again := n.data(access.RolePublic, q, nil); again != pub {
		t.Fatalf("anonymous after the case manager: %s, want %s", again, pub)
	}

	// Case manager first this time (another request text).
	q2 := q + "\n"
	cm2 := n.expectHit(access.RoleCaseManager, q2, nil)
	pub2 := n.expectHit(access.RolePublic, q2, nil)
	mustContain(t, "case manager first", cm2, "Deutsch für Fachkräfte")
	mustNotContain(t, "anonymous after the case manager", pub2, "Deutsch für Fachkräfte")

	// Confidential address: the own partner (org-a) sees it, anonymous not.
	const qc = `{ offer(id: "off-conf") { title address location { lat } } }`
	partner := n.expectHit(access.RolePartner, qc, nil)
	anon := n.expectHit(access.RolePublic, qc, nil)
	mustContain(t, "own partner", partner, "Markt 1")
	mustNotContain(t, "anonymous", anon, "Markt 1")
}

// TestRevokedTokenGetsNoCachedAnswer: authentication runs before the
// cache; a revoked token is refused even for an answer the cache holds.
func TestRevokedTokenGetsNoCachedAnswer(t *testing.T) {
	n := sqliteNodes(t, 1, 1<<20)[0]
	n.expectHit(access.RoleCaseManager, qQ3, nil)
	toks, err := n.svc.Tokens(operator(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tok := range toks {
		if tok.Role == access.RoleCaseManager {
			if err := n.svc.RevokeToken(operator(t), tok.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if a := n.post(access.RoleCaseManager, qQ3, nil); a.status != http.StatusUnauthorized {
		t.Fatalf("revoked token: status %d, %s", a.status, a.body)
	}
}

// TestHitAnswersLikeMiss: a hit has the bytes, status and headers of the
// answer that filled the cache (CORS and security headers included), for
// both media types of GraphQL over HTTP, by POST and GET.
func TestHitAnswersLikeMiss(t *testing.T) {
	n := sqliteNodes(t, 1, 1<<20)[0]
	for _, accept := range []string{"", "application/json", "application/graphql-response+json"} {
		h := http.Header{"Origin": {"https://dashboard.example.org"}}
		if accept != "" {
			h.Set("Accept", accept)
		}
		body := []byte(`{"query": "` + "{ districts { id name } }" + `", "variables": {}}`)
		miss := n.postRaw(access.RolePublic, body, h)
		before := n.reads.n.Load()
		hit := n.postRaw(access.RolePublic, body, h)
		if n.reads.n.Load() != before {
			t.Fatalf("Accept %q: the second request was not a hit", accept)
		}
		sameAnswer(t, "POST, Accept "+accept, miss, hit)
		if got := hit.header.Get("Access-Control-Allow-Origin"); got != "https://dashboard.example.org" {
			t.Fatalf("hit without CORS header: %q", got)
		}
	}
	// GET: the key is the request, not its spelling in the URL.
	get := func(raw string) answer {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, n.url+"/graphql?"+raw, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b []byte
		b, _ = io.ReadAll(resp.Body)
		return answer{status: resp.StatusCode, header: resp.Header, body: b}
	}
	q := url.QueryEscape(`query($d: [ID!]) { offers(filter: {districtIds: $d}) { totalCount } }`)
	miss := get("query=" + q + "&variables=" + url.QueryEscape(`{"d": ["d-mitte"]}`))
	before := n.reads.n.Load()
	hit := get("variables=" + url.QueryEscape(`{ "d":["d-mitte"] }`) + "&query=" + q)
	if n.reads.n.Load() != before {
		t.Fatal("GET with the same variables spelt otherwise was not a hit")
	}
	sameAnswer(t, "GET", miss, hit)
}

func sameAnswer(t *testing.T, what string, a, b answer) {
	t.Helper()
	if a.status != b.status || string(a.body) != string(b.body) {
		t.Fatalf("%s: hit %d %s, miss %d %s", what, b.status, b.body, a.status, a.body)
	}
	for _, h := range []http.Header{a.header, b.header} {
		h.Del("Date")
	}
	keys := func(h http.Header) []string {
		var ks []string
		for k := range h {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	if !slices.Equal(keys(a.header), keys(b.header)) {
		t.Fatalf("%s: headers of hit %v, of miss %v", what, b.header, a.header)
	}
	for k, v := range a.header {
		if !slices.Equal(v, b.header[k]) {
			t.Fatalf("%s: header %s of hit %q, of miss %q", what, k, b.header[k], v)
		}
	}
}

// TestWhatIsNotCached: mutations, errors, fields outside the allow-list
// (me, cooperations, referrals) run every time.
func TestWhatIsNotCached(t *testing.T) {
	n := sqliteNodes(t, 1, 1<<20)[0]
	runsTwice := func(role access.Role, q string) {
		t.Helper()
		n.post(role, q, nil)
		before := n.reads.n.Load()
		n.post(role, q, nil)
		if n.reads.n.Load() == before {
			t.Fatalf("%s was answered from the cache", q)
		}
	}
	runsTwice(access.RolePublic, `{ offers(filter: {districtIds: ["nowhere"]}) { totalCount } me { role } }`)
	runsTwice(access.RolePublic, `{ organisation(id: "org-a") { name partners { organisation { name } } } }`)
	runsTwice(access.RolePublic, `{ organisation(id: "org-a") { name workingGroups { name } } }`)
	runsTwice(access.RolePublic, `{ offers(filter: {municipality: "Atlantis"}) { totalCount } }`) // NOT_FOUND
	runsTwice(access.RolePublic, `{ node(id: "T2ZmZXI6b2ZmLTE") { id } }`)
	// A mutation writes every time: the directory's version moves twice.
	v0, _ := n.svc.DirectoryVersion(t.Context())
	for range 2 {
		n.data(access.RoleAdmin, `mutation { updateOffer(id: "off-1", input: {freePlaces: 2}) { title } }`, nil)
	}
	if v, _ := n.svc.DirectoryVersion(t.Context()); v != v0+2 {
		t.Fatalf("two mutations moved the version from %d to %d", v0, v)
	}
	runsTwice(access.RoleCaseManager, `{ offers(first: 1) { totalCount } referrals { totalCount } }`)
}

// TestBudgetBoundsMemory: a small budget keeps the most recently used
// answers and drops the others.
func TestBudgetBoundsMemory(t *testing.T) {
	n := sqliteNodes(t, 1, 8<<10)[0] // 8 KiB: a handful of small answers
	ask := func(i int) {
		n.data(access.RolePublic, `query($f: Int) { offers(first: $f) { totalCount } }`, map[string]any{"f": i})
	}
	for i := range 60 {
		ask(i)
	}
	before := n.reads.n.Load()
	ask(59) // the latest: kept
	if n.reads.n.Load() != before {
		t.Fatal("the most recent answer was not kept")
	}
	ask(0) // the first: evicted long ago
	if n.reads.n.Load() == before {
		t.Fatal("60 answers fit into 8 KiB: nothing was evicted")
	}
}

// TestNoCacheWhenOff: --response-cache 0 serves every request afresh.
func TestNoCacheWhenOff(t *testing.T) {
	n := sqliteNodes(t, 1, 0)[0]
	n.data(access.RolePublic, qQ3, nil)
	before := n.reads.n.Load()
	n.data(access.RolePublic, qQ3, nil)
	if n.reads.n.Load() == before {
		t.Fatal("answered from a cache that is off")
	}
}

// TestGuardsRunOnHits: the rate limits stand in front of the cache; a
// request over the limit gets 429 even when its answer is kept.
func TestGuardsRunOnHits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lotse.db")
	st := sqliteStore(t, path)
	if _, err := service.New(st).Import(operator(t), fixture()); err != nil {
		t.Fatal(err)
	}
	n := newNodeWith(t, st, server.Config{ResponseCache: 1 << 20, AddressRate: server.RateLimit{PerSecond: 0.001, Burst: 3},
		Limits: server.Limits{MaxBodyBytes: 4096}})
	n.expectHit(access.RolePublic, qQ3, nil) // two requests
	n.data(access.RolePublic, qQ3, nil)      // the third, a hit
	if a := n.post(access.RolePublic, qQ3, nil); a.status != http.StatusTooManyRequests {
		t.Fatalf("fourth request within the burst of 3: status %d, %s", a.status, a.body)
	}
}
