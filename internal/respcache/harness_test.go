package respcache_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// node is one Lotse server (the real handler, cache on) over its own
// connection to a store, as one replica or process would be.
type node struct {
	t      *testing.T
	url    string
	svc    *service.Service
	reads  *countingStore // counts the directory reads that reach the store (through the read index)
	tokens map[access.Role]string
}

// countingStore counts directory reads: a cache hit makes none.
type countingStore struct {
	store.Store
	n atomic.Int64
	// during, when set, runs inside the next SearchOffers, after the store
	// answered and before the answer goes back: a write "during execution".
	during atomic.Pointer[func()]
}

func (c *countingStore) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	c.n.Add(1)
	p, err := c.Store.SearchOffers(ctx, q)
	if f := c.during.Swap(nil); f != nil {
		(*f)()
	}
	return p, err
}

func (c *countingStore) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	c.n.Add(1)
	return c.Store.OffersByID(ctx, ids)
}

func (c *countingStore) OffersByProvider(ctx context.Context, ids []string) ([]directory.Offer, error) {
	c.n.Add(1)
	return c.Store.OffersByProvider(ctx, ids)
}

func (c *countingStore) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	c.n.Add(1)
	return c.Store.OrganisationsByID(ctx, ids)
}

func (c *countingStore) Organisations(ctx context.Context, f store.OrganisationFilter, p store.Page) (store.OrganisationPage, error) {
	c.n.Add(1)
	return c.Store.Organisations(ctx, f, p)
}

func (c *countingStore) Districts(ctx context.Context, m string) ([]directory.District, error) {
	c.n.Add(1)
	return c.Store.Districts(ctx, m)
}

func (c *countingStore) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	c.n.Add(1)
	return c.Store.DistrictsByID(ctx, ids)
}

// operator is the command line's principal, for fixture writes.
func operator(t *testing.T) context.Context {
	return access.WithPrincipal(t.Context(), access.Operator)
}

// newNode serves st through the read index, a counting layer and the
// server with a response cache of cacheBytes.
func newNode(t *testing.T, st store.Store, cacheBytes int64) *node {
	t.Helper()
	return newNodeWith(t, st, server.Config{ResponseCache: cacheBytes, Introspection: true,
		CORSOrigins: []string{"https://dashboard.example.org"}})
}

// newNodeWith is newNode with a server configuration of the test's own.
func newNodeWith(t *testing.T, st store.Store, cfg server.Config) *node {
	t.Helper()
	ix, err := readindex.New(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: ix}
	n := &node{t: t, svc: service.New(cs), reads: cs, tokens: map[access.Role]string{}}
	srv := httptest.NewServer(server.New(cfg, n.svc))
	t.Cleanup(srv.Close)
	n.url = srv.URL
	return n
}

// issueTokens gives n one token per role (the PARTNER's for org-a, the
// CASE_MANAGER's for org-km); tokens live in the store, so every node on
// it accepts them.
func (n *node) issueTokens() {
	n.t.Helper()
	for _, r := range []access.Role{access.RoleAdmin, access.RoleCaseManager, access.RolePartner, access.RoleSteering} {
		req := service.TokenRequest{Name: "t-" + strings.ToLower(string(r)), Role: r}
		switch r {
		case access.RolePartner:
			req.OrganisationID = "org-a"
		case access.RoleCaseManager:
			req.OrganisationID = "org-km"
		}
		_, secret, err := n.svc.CreateToken(operator(n.t), req)
		if err != nil {
			n.t.Fatal(err)
		}
		n.tokens[r] = secret
	}
}

// shareTokens lets n use the tokens issued through o.
func (n *node) shareTokens(o *node) { n.tokens = o.tokens }

// answer is one HTTP answer.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// post sends a GraphQL request as role (PUBLIC: no token).
func (n *node) post(role access.Role, query string, vars map[string]any) answer {
	n.t.Helper()
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return n.postRaw(role, b, nil)
}

func (n *node) postRaw(role access.Role, body []byte, header http.Header) answer {
	n.t.Helper()
	req, err := http.NewRequest(http.MethodPost, n.url+"/graphql", bytes.NewReader(body))
	if err != nil {
		n.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, vs := range header {
		req.Header[k] = vs
	}
	if role != access.RolePublic {
		req.Header.Set("Authorization", "Bearer "+n.tokens[role])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		n.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		n.t.Fatal(err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: data}
}

// data posts and returns the answer's data, failing on errors.
func (n *node) data(role access.Role, query string, vars map[string]any) string {
	n.t.Helper()
	a := n.post(role, query, vars)
	var r struct {
		Data   json.RawMessage `json:"data"`
		Errors []any           `json:"errors"`
	}
	if err := json.Unmarshal(a.body, &r); err != nil || a.status != http.StatusOK || len(r.Errors) > 0 {
		n.t.Fatalf("%s: status %d: %s", query, a.status, a.body)
	}
	return string(r.Data)
}

// fixture is a small directory: two districts of Solingen, a PUBLIC
// provider with a PUBLIC, a PROFESSIONAL and a confidential offer, a
// PROFESSIONAL provider with one offer, and a case-management organisation.
func fixture() directory.Snapshot {
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	offer := func(id, prov, title string, cat directory.OfferCategory, vis directory.Visibility, conf bool) directory.Offer {
		return directory.Offer{ID: id, ProviderID: prov, Title: title, Description: "Deutsch lernen in " + title,
			Category: cat, Needs: []directory.NeedArea{directory.NeedLanguage}, TargetGroups: []directory.TargetGroup{directory.GroupAdults},
			Languages: []string{"de"}, Cost: directory.CostFree, Funding: directory.FundingFunded, Status: directory.StatusActive,
			DistrictID: "d-mitte", Location: &directory.GeoPoint{Lat: 51.165, Lon: 7.083}, Address: "Markt 1",
			Visibility: vis, ConfidentialAddress: conf, UpdatedAt: at}
	}
	return directory.Snapshot{
		Format: directory.SnapshotFormat,
		Districts: []directory.District{
			{ID: "d-mitte", Name: "Mitte", Municipality: "Solingen", Population: 50000, Centre: &directory.GeoPoint{Lat: 51.165, Lon: 7.083}, RadiusKm: 2},
			{ID: "d-wald", Name: "Wald", Municipality: "Solingen", Population: 30000, Centre: &directory.GeoPoint{Lat: 51.18, Lon: 7.05}, RadiusKm: 2},
		},
		Organisations: []directory.Organisation{
			{ID: "org-a", Name: "Bildungswerk", Kind: directory.KindEducationProvider, DistrictID: "d-mitte", Municipality: "Solingen", UpdatedAt: at},
			{ID: "org-p", Name: "Fachstelle", Kind: directory.KindOther, DistrictID: "d-wald", Municipality: "Solingen",
				Visibility: directory.VisibilityProfessional, UpdatedAt: at},
			{ID: "org-km", Name: "Kommunales Integrationszentrum", Kind: directory.KindIntegrationCentre, DistrictID: "d-mitte", Municipality: "Solingen", UpdatedAt: at},
		},
		Offers: []directory.Offer{
			offer("off-1", "org-a", "Deutschkurs am Morgen", directory.CategoryLanguageCourse, "", false),
			offer("off-2", "org-a", "Integrationskurs Mitte", directory.CategoryIntegrationCourse, "", false),
			offer("off-pro", "org-a", "Deutsch für Fachkräfte", directory.CategoryLanguageCourse, directory.VisibilityProfessional, false),
			offer("off-conf", "org-a", "Deutsch im Schutzraum", directory.CategoryLanguageCourse, "", true),
			offer("off-p", "org-p", "Deutsch in der Fachstelle", directory.CategoryLanguageCourse, "", false),
		},
	}
}

// sqliteStore opens (creating) the SQLite file at path.
func sqliteStore(t *testing.T, path string) store.Store {
	t.Helper()
	st, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// sqliteNodes are n servers on one SQLite file holding the fixture, as n
// processes on one file would be.
func sqliteNodes(t *testing.T, n int, cacheBytes int64) []*node {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lotse.db")
	first := sqliteStore(t, path)
	if _, err := service.New(first).Import(operator(t), fixture()); err != nil {
		t.Fatal(err)
	}
	var out []*node
	for i := range n {
		st := first
		if i > 0 {
			st = sqliteStore(t, path)
		}
		out = append(out, newNode(t, st, cacheBytes))
	}
	out[0].issueTokens()
	for _, o := range out[1:] {
		o.shareTokens(out[0])
	}
	return out
}

// neo4jNodes are n replicas on the test Neo4j (emptied, then the fixture
// imported), each with its own driver, read index and cache. Skips
// without LOTSE_TEST_NEO4J_URI.
func neo4jNodes(t *testing.T, n int) []*node {
	t.Helper()
	srv, ok := neo4jtest.FromEnv()
	if !ok {
		t.Skip(neo4jtest.SkipReason)
	}
	if err := srv.Wipe(t.Context()); err != nil {
		t.Fatal(err)
	}
	var out []*node
	for i := range n {
		st, err := neo4j.Open(t.Context(), neo4j.Config{URI: srv.URI, Username: srv.Username, Password: srv.Password,
			Database: srv.Database, Timeout: neo4jtest.CallTimeout})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if i == 0 {
			if _, err := service.New(st).Import(operator(t), fixture()); err != nil {
				t.Fatal(err)
			}
		}
		out = append(out, newNode(t, st, 1<<20))
	}
	out[0].issueTokens()
	for _, o := range out[1:] {
		o.shareTokens(out[0])
	}
	return out
}

// expectHit asks q as role twice... the second time it must come from the
// cache: no directory read reaches the store, and the bytes are the same.
func (n *node) expectHit(role access.Role, q string, vars map[string]any) string {
	n.t.Helper()
	first := n.data(role, q, vars)
	before := n.reads.n.Load()
	again := n.data(role, q, vars)
	if got := n.reads.n.Load() - before; got != 0 {
		n.t.Fatalf("%s asked again: %d directory reads reached the store; want a cache hit", q, got)
	}
	if again != first {
		n.t.Fatalf("%s: the cached answer differs:\n%s\nfirst:\n%s", q, again, first)
	}
	return first
}

func mustContain(t *testing.T, what, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Fatalf("%s: %s does not contain %q", what, got, w)
		}
	}
}

func mustNotContain(t *testing.T, what, got string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(got, w) {
			t.Fatalf("%s: %s contains %q", what, got, w)
		}
	}
}
