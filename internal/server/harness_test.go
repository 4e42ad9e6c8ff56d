package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/graph/relay"
	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/neo4j"
	"github.com/lotse-kim/lotse/internal/store/neo4j/neo4jtest"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// env is a real Lotse server over a real store (embedded, or Neo4j when
// LOTSE_TEST_NEO4J_URI is set), reached over HTTP.
type env struct {
	t      *testing.T
	url    string
	store  *countingStore
	snap   directory.Snapshot
	tokens map[access.Role]string // bearer secret per role; PUBLIC has none
	refs   int                    // referrals sent by newReferral
}

// today is the server's date, for consent records.
func (e *env) today() string { return time.Now().UTC().Format(time.DateOnly) }

// newEnv starts a server on a fresh SQLite file filled with the demo network,
// and issues one token per role (the PARTNER's bound to partnerOrg).
func newEnv(t *testing.T) *env {
	t.Helper()
	return newEnvWith(t, server.Config{CORSOrigins: []string{"https://dashboard.example.org"}, Introspection: true, GraphiQL: true, ResponseCache: 1 << 20})
}

// newEnvWith is newEnv with a server configuration of the test's own.
func newEnvWith(t *testing.T, cfg server.Config) *env {
	t.Helper()
	return newEnvWrapped(t, cfg, nil)
}

// newEnvWrapped is newEnvWith whose server reaches the store through wrap
// (nil: directly), for tests that make the store misbehave.
func newEnvWrapped(t *testing.T, cfg server.Config, wrap func(store.Store) store.Store) *env {
	t.Helper()
	return newEnvOn(t, cfg, wrap, openDemoStore(t))
}

// newEnvOn is newEnvWrapped on a given store holding the demo network. The
// server reads the directory through the read index, as lotse serve does.
func newEnvOn(t *testing.T, cfg server.Config, wrap func(store.Store) store.Store, st store.Store) *env {
	t.Helper()
	ix, err := readindex.New(t.Context(), st)
	if err != nil {
		t.Fatal(err)
	}
	return newEnvDirect(t, cfg, wrap, ix)
}

// newEnvDirect is newEnvOn without the read index: every read reaches st.
func newEnvDirect(t *testing.T, cfg server.Config, wrap func(store.Store) store.Store, st store.Store) *env {
	t.Helper()
	ctx := t.Context()
	snap := demoSnapshot()
	cs := &countingStore{Store: st, calls: map[string]int{}}
	e := &env{t: t, store: cs, snap: snap, tokens: map[access.Role]string{}}
	for _, role := range []access.Role{access.RoleAdmin, access.RoleSteering, access.RoleCaseManager, access.RolePartner} {
		secret := access.NewSecret()
		tok := access.Token{ID: "tok-" + strings.ToLower(string(role)), Name: "test-" + string(role), Role: role,
			Hash: access.HashSecret(secret), CreatedAt: time.Now().UTC()}
		if role == access.RolePartner {
			tok.OrganisationID = partnerOrg(snap)
		}
		if role == access.RoleCaseManager {
			tok.OrganisationID = caseOrg(snap)
		}
		if err := st.CreateToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		e.tokens[role] = secret
	}
	var served store.Store = cs
	if wrap != nil {
		served = wrap(cs)
	}
	srv := httptest.NewServer(server.New(cfg, service.New(served)))
	t.Cleanup(srv.Close)
	e.url = srv.URL
	return e
}

// openDemoStore returns a store holding exactly the demo network: a copy of
// the embedded template, or, when LOTSE_TEST_NEO4J_URI is set, that Neo4j,
// emptied and filled anew (the tests run one after the other on it).
func openDemoStore(t *testing.T) store.Store {
	t.Helper()
	if _, ok := neo4jtest.FromEnv(); ok {
		return neo4jDemoStore(t)
	}
	return sqliteDemoStore(t)
}

// sqliteDemoStore is a copy of the embedded demo template.
func sqliteDemoStore(t *testing.T) store.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lotse.db")
	copyFile(t, demoDatabase(t), path)
	st, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// neo4jDemoStore empties the test Neo4j and imports the demo network; each
// test gets a store (and driver) of its own, which it may close.
func neo4jDemoStore(t *testing.T) store.Store {
	t.Helper()
	ctx := t.Context()
	srv, _ := neo4jtest.FromEnv()
	if err := srv.Wipe(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := neo4j.Open(ctx, neo4j.Config{URI: srv.URI, Username: srv.Username, Password: srv.Password, Database: srv.Database, Timeout: neo4jtest.CallTimeout})
	if err != nil {
		t.Fatalf("Neo4j %s: %v", srv.URI, err)
	}
	t.Cleanup(func() { st.Close() })
	if err := fillDemo(ctx, st); err != nil {
		t.Fatalf("the demo network into Neo4j: %v", err)
	}
	return st
}

// fillDemo writes the demo network and its referrals into an empty store.
func fillDemo(ctx context.Context, st store.Store) error {
	if err := st.Import(ctx, demoSnapshot()); err != nil {
		return err
	}
	refs, _ := demo.DemoReferrals(demoSnapshot())
	return st.PutReferrals(ctx, refs)
}

// The demo network is imported once per test binary into a template file
// that every test copies: importing it for each test made the package take
// minutes under the race detector.
var (
	templateOnce sync.Once
	templateDir  string
	templatePath string
	templateErr  error
)

func demoDatabase(t testing.TB) string {
	t.Helper()
	templateOnce.Do(func() {
		ctx := t.Context()
		if templateDir, templateErr = os.MkdirTemp("", "lotse-server-test-"); templateErr != nil {
			return
		}
		templatePath = filepath.Join(templateDir, "demo.db")
		st, err := sqlite.Open(ctx, templatePath)
		if err != nil {
			templateErr = err
			return
		}
		if err := fillDemo(ctx, st); err != nil {
			st.Close()
			templateErr = err
			return
		}
		templateErr = st.Close() // the last connection checkpoints the WAL into the file
	})
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	return templatePath
}

func copyFile(t testing.TB, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestMain(m *testing.M) {
	if srv, ok := neo4jtest.FromEnv(); ok {
		fmt.Printf("server tests run on Neo4j %s\n", srv.URI)
	}
	code := m.Run()
	if templateDir != "" {
		os.RemoveAll(templateDir)
	}
	os.Exit(code)
}

var (
	demoOnce sync.Once
	demoSnap directory.Snapshot
)

func demoSnapshot() directory.Snapshot {
	demoOnce.Do(func() { demoSnap = demo.Demo() })
	return demoSnap
}

// partnerOrg is the organisation the test PARTNER token belongs to: the
// provider of the first offer, so that the partner has offers to edit.
func partnerOrg(s directory.Snapshot) string { return s.Offers[0].ProviderID }

// caseOrg is the organisation the test CASE_MANAGER token belongs to: the
// first integration centre (Kommunales Integrationszentrum), which sends referrals.
func caseOrg(s directory.Snapshot) string {
	for _, o := range s.Organisations {
		if o.Kind == directory.KindIntegrationCentre && o.ID != partnerOrg(s) {
			return o.ID
		}
	}
	panic("the demo network has no integration centre")
}

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

type gqlResponse struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// do posts a GraphQL request as role (PUBLIC: no token).
func (e *env) do(role access.Role, query string, vars map[string]any) gqlResponse {
	e.t.Helper()
	res := e.raw(role, query, vars)
	defer res.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		e.t.Fatalf("decode response (status %d): %v", res.StatusCode, err)
	}
	out.Status = res.StatusCode
	out.Data = localIDs(e.t, out.Data)
	return out
}

// idMembers are the members that hold a Node's global id: its own id, the
// network's edge ends, a referral's offer and a statistics group's key.
var idMembers = map[string]bool{"id": true, "source": true, "target": true, "offerId": true, "key": true}

// localIDs turns the global ids of Node objects in data (every "id",
// "source", "target" and "organisationIds" member that holds them) into their local ids, so that tests compare them with the
// demo snapshot. node_test.go checks the global ids themselves, over send.
func localIDs(t *testing.T, data json.RawMessage) json.RawMessage {
	t.Helper()
	if len(data) == 0 || string(data) == "null" {
		return data
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode data: %v", err)
	}
	changed := false
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && idMembers[k] {
					if _, local, ok := relay.Parse(s); ok {
						v[k], changed = local, true
					}
				}
				if ids, ok := x.([]any); ok && k == "organisationIds" {
					for i, id := range ids {
						if _, local, ok := relay.Parse(fmt.Sprint(id)); ok {
							ids[i], changed = local, true
						}
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	if !changed {
		return data // byte for byte, for tests of the JSON itself
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// ok posts a request that must succeed and decodes its data into v.
func (e *env) ok(role access.Role, query string, vars map[string]any, v any) {
	e.t.Helper()
	r := e.do(role, query, vars)
	if len(r.Errors) > 0 {
		e.t.Fatalf("unexpected errors: %+v", r.Errors)
	}
	if v != nil {
		if err := json.Unmarshal(r.Data, v); err != nil {
			e.t.Fatalf("decode data: %v\n%s", err, r.Data)
		}
	}
}

// codes returns "CODE field" for every error of r.
func codes(r gqlResponse) []string {
	var out []string
	for _, e := range r.Errors {
		s, _ := e.Extensions["code"].(string)
		if f, ok := e.Extensions["field"].(string); ok {
			s += " " + f
		}
		out = append(out, s)
	}
	return out
}

// countingStore counts the store calls a request makes, to prove that nested
// fields are batched. It wraps the real store; every call goes through.
type countingStore struct {
	store.Store
	mu    sync.Mutex
	calls map[string]int
}

func (c *countingStore) count(name string) {
	c.mu.Lock()
	c.calls[name]++
	c.mu.Unlock()
}

func (c *countingStore) reset() map[string]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	old := c.calls
	c.calls = map[string]int{}
	return old
}

func (c *countingStore) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	c.count("SearchOffers")
	return c.Store.SearchOffers(ctx, q)
}

func (c *countingStore) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	c.count("OrganisationsByID")
	return c.Store.OrganisationsByID(ctx, ids)
}

func (c *countingStore) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	c.count("DistrictsByID")
	return c.Store.DistrictsByID(ctx, ids)
}

func (c *countingStore) OffersByProvider(ctx context.Context, ids []string) ([]directory.Offer, error) {
	c.count("OffersByProvider")
	return c.Store.OffersByProvider(ctx, ids)
}

func (c *countingStore) CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	c.count("CooperationsOf")
	return c.Store.CooperationsOf(ctx, ids)
}

func (c *countingStore) WorkingGroupsByID(ctx context.Context, ids []string) ([]directory.WorkingGroup, error) {
	c.count("WorkingGroupsByID")
	return c.Store.WorkingGroupsByID(ctx, ids)
}
