package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// hostileDoc is a request a careful attacker would send, within the body
// limit, and the code it must be refused with ("" = answered).
type hostileDoc struct {
	name  string
	query string
	vars  map[string]any
	code  string
}

func rep(s string, n int) string { return strings.Repeat(s, n) }

func aliases(n int, sel string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d: %s ", i, sel)
	}
	return b.String()
}

// hostileDocs are the shapes whose validation or parsing cost grows faster
// than their size, each at the largest size a limit lets through or just
// beyond it.
func hostileDocs() []hostileDoc {
	var frags, spreads strings.Builder
	for i := range 100 {
		fmt.Fprintf(&spreads, "...F%d ", i)
		fmt.Fprintf(&frags, "fragment F%d on Query { ", i)
		for j := range 9 {
			fmt.Fprintf(&frags, "f%d_%d: __typename ", i, j)
		}
		frags.WriteString("} ")
	}
	var chain strings.Builder // F0 spreads F1 twice, F1 spreads F2 twice, …
	for i := range 40 {
		fmt.Fprintf(&chain, "fragment C%d on Query { ...C%d ...C%d } ", i, i+1, i+1)
	}
	chain.WriteString("fragment C40 on Query { me { role } } ")
	var ops strings.Builder
	for i := range 900 {
		fmt.Fprintf(&ops, "query q%d { me { role } } ", i)
	}
	return []hostileDoc{
		{"one field 6000 times", "{ " + rep("me { role } ", 6000) + "}", nil, server.CodeTokenLimit},
		{"one field 900 times", "{ " + rep("me { role } ", 900) + "}", nil, server.CodeFieldRepeatLimit},
		{"one field 11 times", "{ " + rep("me { role } ", 11) + "}", nil, server.CodeFieldRepeatLimit},
		{"one field 10 times", "{ " + rep("me { role } ", 10) + "}", nil, ""},
		{"nested repeats", "{ " + rep("me { "+rep("role ", 9)+"} ", 9) + "}", nil, server.CodeFieldRepeatLimit},
		{"repeats in fragments", "{ ...A ...B ...C } fragment A on Query { " + rep("me { role } ", 4) + "} fragment B on Query { ...A ...C } fragment C on Query { ...A }", nil, server.CodeFieldRepeatLimit},
		{"fragment doubling chain", "{ ...C0 } " + chain.String(), nil, server.CodeFieldRepeatLimit},
		{"100 fragments in one set", "{ " + spreads.String() + "} " + frags.String(), nil, server.CodeAliasLimit},
		{"250 fragment spreads", "{ " + rep("...F ", 250) + "} fragment F on Query { __typename }", nil, server.CodeFragmentLimit},
		{"2000 aliases", "{ " + aliases(1990, "__typename") + "}", nil, server.CodeAliasLimit},
		{"3000 selections", "{ " + aliases(3000, "__typename") + "}", nil, server.CodeSelectionLimit},
		{"900 operations", ops.String(), nil, "GRAPHQL_VALIDATION_FAILED"}, // no operation name given
		{"deep nesting", `{ organisation(id: "x") { ` + rep("parent { ", 1500) + "id" + rep(" }", 1501) + " }", nil, server.CodeDepthLimit},
		{"200 directives", "{ me { " + rep("role @include(if: true) ", 10) + "} " + aliases(190, "__typename @skip(if: false)") + "}", nil, server.CodeDirectiveLimit},
		{"900 KB string", `{ offers(filter: {text: "` + rep("wort ", 180000) + `"}) { totalCount } }`, nil, "BAD_USER_INPUT"},
		{"3000 ids", `{ offers(filter: {districtIds: [` + rep(`"d-x", `, 3000) + `]}) { totalCount } }`, nil, "BAD_USER_INPUT"},
		{"60000 variable values", `query($f: OfferFilter) { offers(filter: $f) { totalCount } }`,
			map[string]any{"f": map[string]any{"districtIds": make([]any, 60000)}}, server.CodeVariablesLimit},
		{"2000 arguments", `{ offers(` + rep("first: 1, ", 2000) + `) { totalCount } }`, nil, "GRAPHQL_VALIDATION_FAILED"},
	}
}

// TestHostileDocuments: each shape is refused with the code of the limit
// it exceeds (or answered when it is within all of them).
func TestHostileDocuments(t *testing.T) {
	e := newEnv(t)
	for _, d := range hostileDocs() {
		t.Run(d.name, func(t *testing.T) {
			e.t = t
			r := e.do(access.RolePublic, d.query, d.vars)
			if d.code == "" {
				if len(r.Errors) > 0 {
					t.Fatalf("errors %+v", r.Errors)
				}
				return
			}
			if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != d.code {
				t.Fatalf("status %d, errors %.300v; want %s", r.Status, r.Errors, d.code)
			}
			if len(r.Errors[0].Message) > 400 {
				t.Errorf("message of %d bytes echoes the request", len(r.Errors[0].Message))
			}
		})
	}
}

// cpuTime is the CPU this process has used (user and system), in ns.
func cpuTime() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkHostileDocuments measures the CPU one hostile request costs the
// handler (no network, one request at a time): cpu-ms/op is the process's
// CPU per request, garbage collection included, whatever else runs on the
// machine. The budget is 100 ms for any document within the body limit.
func BenchmarkHostileDocuments(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "lotse.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	h := server.New(server.Config{CORSOrigins: []string{"*"}}, service.New(st))
	for _, d := range hostileDocs() {
		b.Run(strings.ReplaceAll(d.name, " ", "_"), func(b *testing.B) {
			i := 0
			before := cpuTime()
			defer func() { b.ReportMetric(float64(cpuTime()-before)/float64(i)/1e6, "cpu-ms/op") }()
			for b.Loop() {
				// A new comment each time: no cache holds the document.
				i++
				body, _ := json.Marshal(map[string]any{"query": fmt.Sprintf("%s #%d", d.query, i), "variables": d.vars})
				if len(body) > server.DefaultMaxBodyBytes {
					b.Fatalf("%d bytes exceed the body limit", len(body))
				}
				req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code >= 500 {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}

// TestBoundedArguments: search texts, every string, every ID and every
// list are bounded; over the bound is BAD_USER_INPUT naming the field, and
// lengths count characters, not bytes.
func TestBoundedArguments(t *testing.T) {
	e := newEnv(t)
	words := func(n int) string { return strings.TrimSpace(rep("ab ", n)) }
	refusesInputs(t, e, []inputCase{
		{"100000 words", access.RolePublic, `query($t: String) { offers(filter: {text: $t}) { totalCount } }`,
			map[string]any{"t": words(100000)}, "filter.text"},
		{"21 words", access.RolePublic, `query($t: String) { offers(filter: {text: $t}) { totalCount } }`,
			map[string]any{"t": words(21)}, "filter.text"},
		{"201 characters", access.RolePublic, `query($t: String) { offers(filter: {text: $t}) { totalCount } }`,
			map[string]any{"t": rep("x", 201)}, "filter.text"},
		{"organisation search", access.RolePublic, `query($t: String) { organisations(filter: {text: $t}) { totalCount } }`,
			map[string]any{"t": words(21)}, "filter.text"},
		{"string over 5000 characters", access.RolePublic, `query($m: String) { districts(municipality: $m) { id } }`,
			map[string]any{"m": rep("ä", 5001)}, "municipality"},
		{"id over 200 characters", access.RolePublic, `query($id: ID!) { offer(id: $id) { id } }`,
			map[string]any{"id": rep("x", 201)}, "id"},
		{"501 ids", access.RolePublic, `query($d: [ID!]) { offers(filter: {districtIds: $d}) { totalCount } }`,
			map[string]any{"d": make([]any, 501)}, "filter.districtIds"},
		{"501 languages", access.RolePublic, `query($c: ClientProfile!) { matchOffers(client: $c) { score } }`,
			map[string]any{"c": map[string]any{"needs": []any{"LANGUAGE"}, "languages": make([]any, 501)}}, "languages"},
		{"NUL in a name", access.RoleAdmin, `mutation($n: String!) { createOrganisation(input: {name: $n, kind: OTHER}) { id } }`,
			map[string]any{"n": "AWO\x00Ohligs"}, "name"},
		{"escape in a literal", access.RolePublic, `{ offers(filter: {text: "a\u001b[2Jb"}) { totalCount } }`, nil, "filter.text"},
	})
	// Within the bounds, counted in characters: 20 words; 5000 'ß' (10,000 bytes).
	e.ok(access.RolePublic, `query($t: String) { offers(filter: {text: $t}) { totalCount } }`, map[string]any{"t": words(20)}, nil)
	var out struct {
		CreateOrganisation struct{ Description string } `json:"createOrganisation"`
	}
	e.ok(access.RoleAdmin, `mutation($d: String) { createOrganisation(input: {name: "Straßenverein", kind: OTHER, description: $d}) { description } }`,
		map[string]any{"d": rep("ß", 5000)}, &out)
	if len([]rune(out.CreateOrganisation.Description)) != 5000 {
		t.Errorf("description of %d characters stored", len([]rune(out.CreateOrganisation.Description)))
	}
}
