package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/server"
)

// refusedWith checks that r is refused with one error of code whose message
// contains every part.
func refusedWith(t *testing.T, r gqlResponse, code string, parts ...string) {
	t.Helper()
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != code {
		t.Fatalf("got status %d, errors %+v; want one %s", r.Status, r.Errors, code)
	}
	for _, p := range parts {
		if !strings.Contains(r.Errors[0].Message, p) {
			t.Errorf("message %q lacks %q", r.Errors[0].Message, p)
		}
	}
	if string(r.Data) != "" && string(r.Data) != "null" {
		t.Errorf("a refused operation returned data %s", r.Data)
	}
}

// TestHostileQueries sends what an attacker would, each refused fast with a
// clear error; one server serves them all (none of them changes anything).
func TestHostileQueries(t *testing.T) {
	e := newEnv(t)
	for _, c := range []struct {
		name string
		fn   func(*testing.T, *env)
	}{
		{"depth 30", hostileDeepQuery}, {"1000 aliases", hostileAliases}, {"5 MB body", hostileHugeBody},
		{"recursive fragments", hostileRecursiveFragments}, {"fragment fan-out", hostileFragmentFanOut},
		{"huge first", hostileHugeFirst}, {"batch", hostileBatch}, {"introspection", hostileIntrospection},
		{"security headers", securityHeaders},
	} {
		t.Run(c.name, func(t *testing.T) {
			e.t = t
			c.fn(t, e)
		})
	}
}

func hostileDeepQuery(t *testing.T, e *env) {
	// organisation { parent { parent { … { id } } } }: 30 levels.
	q := `{ organisation(id: "x") { ` + strings.Repeat("parent { ", 28) + "id" + strings.Repeat(" }", 29) + " }"
	r := e.do(access.RolePublic, q, nil)
	refusedWith(t, r, server.CodeDepthLimit, "depth 30", "limit of 12")
	if r.Status != http.StatusOK { // a request error with application/json (GraphQL over HTTP)
		t.Errorf("status %d, want 200", r.Status)
	}
	// Twelve levels are fine.
	e.ok(access.RolePublic, `{ organisation(id: "x") { `+strings.Repeat("parent { ", 10)+"id"+strings.Repeat(" }", 11)+" }", nil, nil)
}

func hostileAliases(t *testing.T, e *env) {
	var b strings.Builder
	b.WriteString("{ ")
	for i := range 1000 {
		fmt.Fprintf(&b, "a%d: districts { id } ", i)
	}
	b.WriteString("}")
	refusedWith(t, e.do(access.RolePublic, b.String(), nil), server.CodeAliasLimit, "1000 aliased fields", "limit of 50")
}

func hostileHugeBody(t *testing.T, e *env) {
	body, _ := json.Marshal(map[string]any{"query": "{ districts { id } }", "variables": map[string]any{"pad": strings.Repeat("x", 5<<20)}})
	res, err := http.Post(e.url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatalf("status %d: %v", res.StatusCode, err)
	}
	out.Status = res.StatusCode
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", res.StatusCode)
	}
	refusedWith(t, out, server.CodeRequestTooLarge, "1048576 bytes")

	// Without Content-Length (chunked), the limit holds while reading.
	req, _ := http.NewRequest(http.MethodPost, e.url+"/graphql", io.MultiReader(bytes.NewReader(body)))
	req.Header.Set("Content-Type", "application/json")
	req.ContentLength = -1
	res2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res2.Body.Close()
	if res2.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("chunked: status %d, want 413", res2.StatusCode)
	}
}

func hostileRecursiveFragments(t *testing.T, e *env) {
	q := `query { organisation(id: "x") { ...A } }
fragment A on Organisation { parent { ...B } }
fragment B on Organisation { parent { ...A } }`
	r := e.do(access.RolePublic, q, nil)
	refusedWith(t, r, "GRAPHQL_VALIDATION_FAILED", `Cannot spread fragment "A" within itself via "B"`)
}

// A fragment that spreads the next one twice, forty times over, names 2^40
// fields; it must be refused by counting, not by expanding.
func hostileFragmentFanOut(t *testing.T, e *env) {
	var b strings.Builder
	b.WriteString("query { ...F0 }\n")
	for i := range 40 {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	b.WriteString("fragment F40 on Query { districts { id } }\n")
	// Before validation: the one field it repeats 2^40 times (saturated).
	refusedWith(t, e.do(access.RolePublic, b.String(), nil), server.CodeFieldRepeatLimit, `"districts" is selected`, "limit of 10 repeats")
}

func hostileHugeFirst(t *testing.T, e *env) {
	e.store.reset()
	r := e.do(access.RolePublic, `{ offers(first: 2000000000) { edges { node { id title } } } }`, nil)
	refusedWith(t, r, server.CodeComplexityLimit, "exceeds the limit of 20000")
	if calls := e.store.reset(); calls["SearchOffers"] != 0 {
		t.Errorf("the store was searched %d times for a refused query", calls["SearchOffers"])
	}
	// Nested lists multiply: 100 offers × 20 partners × 20 offers each.
	r = e.do(access.RolePublic, `{ offers(first: 100) { edges { node { provider { partners { organisation { offers { id title } } } } } } } }`, nil)
	refusedWith(t, r, server.CodeComplexityLimit)
	// A full page of offers with their provider and district is fine.
	e.ok(access.RolePublic, `{ offers(first: 500) { totalCount edges { cursor node { id title provider { id name } district { id name } } } } }`, nil, nil)
}

func hostileBatch(t *testing.T, e *env) {
	body := `[{"query":"{ districts { id } }"},{"query":"{ districts { id } }"}]`
	res, err := http.Post(e.url+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var out gqlResponse
	_ = json.NewDecoder(res.Body).Decode(&out)
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("status %d, want 400", res.StatusCode)
	}
	refusedWith(t, out, server.CodeBadRequest, "batched operations are not supported")
}

// GraphiQL's introspection passes the depth limit (ofType chains do not
// count); nesting fields { type { fields … } } , which fans out
// exponentially, is refused by gqlparser's validation.
func hostileIntrospection(t *testing.T, e *env) {
	e.ok(access.RolePublic, introspectionQuery, nil, nil)
	q := `{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`
	refusedWith(t, e.do(access.RolePublic, q, nil), "GRAPHQL_VALIDATION_FAILED", "introspection depth")
}

// introspectionQuery is graphql-js's getIntrospectionQuery(), which GraphiQL sends.
const introspectionQuery = `query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } } }
}`

func TestRateLimitPerToken(t *testing.T) {
	e := newEnvWith(t, server.Config{TokenRate: server.RateLimit{PerSecond: 0.5, Burst: 3}})
	for i := range 3 {
		if r := e.do(access.RoleAdmin, `{ me { role } }`, nil); len(r.Errors) > 0 {
			t.Fatalf("request %d within the burst: %+v", i, r.Errors)
		}
	}
	res := e.raw(access.RoleAdmin, `{ me { role } }`, nil)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Fatalf("beyond the burst: status %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	var out gqlResponse
	_ = json.NewDecoder(res.Body).Decode(&out)
	res.Body.Close()
	if got := codes(out); !slices.Equal(got, []string{server.CodeRateLimited}) {
		t.Errorf("errors %v, want [RATE_LIMITED]", got)
	}
	// Another token, and anonymous callers, have buckets of their own.
	if r := e.do(access.RoleSteering, `{ me { role } }`, nil); len(r.Errors) > 0 {
		t.Errorf("another token was limited too: %+v", r.Errors)
	}
	if r := e.do(access.RolePublic, `{ me { role } }`, nil); len(r.Errors) > 0 {
		t.Errorf("an anonymous caller was limited by a token's bucket: %+v", r.Errors)
	}
}

func TestRateLimitPerAddress(t *testing.T) {
	for _, trust := range []bool{false, true} {
		t.Run(fmt.Sprint("trustProxy=", trust), func(t *testing.T) {
			e := newEnvWith(t, server.Config{AddressRate: server.RateLimit{PerSecond: 0.5, Burst: 2}, TrustProxy: trust})
			post := func(forwardedFor string) *http.Response {
				req, _ := http.NewRequest(http.MethodPost, e.url+"/graphql", strings.NewReader(`{"query":"{ me { role } }"}`))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Forwarded-For", forwardedFor)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				return res
			}
			for i := range 2 {
				if res := post(fmt.Sprintf("203.0.113.%d", i)); res.StatusCode != http.StatusOK {
					t.Fatalf("request %d: status %d", i, res.StatusCode)
				}
			}
			res := post("203.0.113.9")
			if trust {
				// Each forwarded address has its own bucket.
				if res.StatusCode != http.StatusOK {
					t.Errorf("behind a trusted proxy, a new client address was limited: %d", res.StatusCode)
				}
				return
			}
			// Not trusted: the header is ignored and the one peer is limited.
			if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
				t.Errorf("status %d, Retry-After %q; want 429 with Retry-After", res.StatusCode, res.Header.Get("Retry-After"))
			}
		})
	}
}

// raw posts a request as role and returns the response unread.
func (e *env) raw(role access.Role, query string, vars map[string]any) *http.Response {
	e.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, e.url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if s := e.tokens[role]; s != "" {
		req.Header.Set("Authorization", "Bearer "+s)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	return res
}

func securityHeaders(t *testing.T, e *env) {
	res := e.raw(access.RolePublic, `{ districts { id } }`, nil)
	res.Body.Close()
	for h, want := range map[string]string{
		"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
		"Cache-Control": "no-store", "Content-Security-Policy": "default-src 'none'",
	} {
		if got := res.Header.Get(h); !strings.Contains(got, want) {
			t.Errorf("/graphql %s = %q, want %q", h, got, want)
		}
	}
	page, err := http.Get(e.url + "/graphiql")
	if err != nil {
		t.Fatal(err)
	}
	page.Body.Close()
	if csp := page.Header.Get("Content-Security-Policy"); strings.Contains(csp, "http") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("GraphiQL CSP %q allows another host or framing", csp)
	}
}

func TestProductionMode(t *testing.T) {
	cfg := server.Config{Production: true, CORSOrigins: []string{"*"}, Introspection: true, GraphiQL: true}
	if err := cfg.Check(); err == nil || !strings.Contains(err.Error(), "--cors-origins") {
		t.Errorf("Check with CORS * in production: %v", err)
	}
	cfg.CORSOrigins = []string{"https://dashboard.example.org"}
	if err := cfg.Check(); err != nil {
		t.Fatal(err)
	}
	e := newEnvWith(t, cfg)
	r := e.do(access.RolePublic, `{ __schema { queryType { name } } }`, nil)
	refusedWith(t, r, server.CodeNoIntrospection, "introspection is disabled")
	res, err := http.Get(e.url + "/graphiql")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("GraphiQL in production: status %d, want 404", res.StatusCode)
	}
	e.ok(access.RolePublic, `{ districts { id } }`, nil, nil)
}
