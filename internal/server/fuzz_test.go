package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// FuzzGraphQLHandler posts random documents and variables to the real
// handler over the real embedded store with the demo data, as anonymous
// caller and as ADMIN: whatever arrives, the answer is never a panic, a
// 5xx or an INTERNAL error (which would mean an input reached code that
// did not expect it).
func FuzzGraphQLHandler(f *testing.F) {
	ctx := context.Background()
	path := filepath.Join(f.TempDir(), "lotse.db")
	copyFile(f, demoDatabase(f), path)
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	secret := access.NewSecret()
	if err := st.CreateToken(ctx, access.Token{ID: "tok-fuzz", Name: "fuzz", Role: access.RoleAdmin,
		Hash: access.HashSecret(secret), CreatedAt: time.Now().UTC()}); err != nil {
		f.Fatal(err)
	}
	h := server.New(server.Config{CORSOrigins: []string{"*"}, Introspection: true}, service.New(st))

	for _, s := range []struct{ q, v string }{
		{`{ offers(first: 3) { totalCount edges { node { id title provider { name } } } } }`, `{}`},
		{`query($f: OfferFilter, $o: OfferOrder) { offers(filter: $f, orderBy: $o) { totalCount } }`, `{"f": {"needs": ["LANGUAGE"], "text": "kurs"}, "o": "TITLE"}`},
		{`query($f: OfferFilter) { offers(filter: $f) { totalCount } }`, `{"f": {"near": {"lat": 51.17, "lon": 7.08, "radiusKm": 5}, "categories": ["language_course"]}}`},
		{`query($c: ClientProfile!) { matchOffers(client: $c) { score offer { id } } }`, `{"c": {"needs": ["WORK"], "age": 30, "languages": ["ar"]}}`},
		{`mutation($in: UpdateOfferInput!) { updateOffer(id: "x", input: $in) { id } }`, `{"in": {"freePlaces": null, "title": "\u0000"}}`},
		{`mutation { createOrganisation(input: {name: "X", kind: OTHER, parentId: "nope"}) { id } }`, `null`},
		{`{ gapReport(municipality: "solingen") { cells { need level unmetNeeds suppressed } } }`, `{}`},
		{`{ networkReport { organisations brokers { organisation { id } betweenness } } }`, `{}`},
		{`{ auditLog(first: 2, after: "bG90c2U6MQ") { edges { cursor } } }`, `{}`},
		{`{ me { role } me { role } ...F } fragment F on Query { districts { id } }`, `[1, 2]`},
		{`query($id: ID!) { network(organisationId: $id, depth: 9) { nodes { id } } }`, `{"id": 7}`},
		{`{ __schema { types { name fields { name type { ofType { name } } } } } }`, `{}`},
	} {
		f.Add(s.q, s.v, false)
		f.Add(s.q, s.v, true)
	}
	f.Fuzz(func(t *testing.T, query, vars string, admin bool) {
		body := map[string]any{"query": query}
		if json.Valid([]byte(vars)) {
			body["variables"] = json.RawMessage(vars)
		}
		b, err := json.Marshal(body)
		if err != nil {
			return // not valid UTF-8 JSON text; nothing a client could send as such
		}
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		if admin {
			req.Header.Set("Authorization", "Bearer "+secret)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d for %q / %q: %s", rec.Code, query, vars, rec.Body.Bytes())
		}
		var res struct {
			Errors []struct {
				Message    string         `json:"message"`
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
			t.Fatalf("status %d, not JSON (%v): %q", rec.Code, err, rec.Body.Bytes())
		}
		for _, e := range res.Errors {
			if e.Extensions["code"] == "INTERNAL" || e.Extensions["code"] == nil {
				t.Fatalf("error %+v for %q / %q", e, query, vars)
			}
		}
	})
}
