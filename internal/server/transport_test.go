package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

// httpAnswer is a response of /graphql with its top-level members kept raw,
// so that a test can tell a missing data key from "data": null.
type httpAnswer struct {
	status  int
	header  http.Header
	members map[string]json.RawMessage
	errors  []gqlError
}

func (a httpAnswer) hasData() bool { _, ok := a.members["data"]; return ok }

func (a httpAnswer) code() string {
	if len(a.errors) == 0 {
		return ""
	}
	c, _ := a.errors[0].Extensions["code"].(string)
	return c
}

// send makes one HTTP request to /graphql with the given headers (nil: none).
func (e *env) send(t *testing.T, method, rawQuery, body string, header map[string]string) httpAnswer {
	t.Helper()
	u := e.url + "/graphql"
	if rawQuery != "" {
		u += "?" + rawQuery
	}
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	a := httpAnswer{status: res.StatusCode, header: res.Header}
	if err := json.Unmarshal(b, &a.members); err != nil {
		t.Fatalf("%s %s: status %d, body is no JSON object: %v\n%s", method, u, res.StatusCode, err, b)
	}
	if raw, ok := a.members["errors"]; ok {
		if err := json.Unmarshal(raw, &a.errors); err != nil {
			t.Fatalf("errors: %v", err)
		}
	}
	return a
}

const (
	ctJSON    = "application/json"
	ctGQLResp = "application/graphql-response+json"
)

func jsonHeaders(accept string) map[string]string {
	h := map[string]string{"Content-Type": ctJSON}
	if accept != "" {
		h["Accept"] = accept
	}
	return h
}

func body(query string, vars map[string]any) string {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return string(b)
}

// want checks status, response media type, and whether a data key is there.
func want(t *testing.T, a httpAnswer, status int, media string, data bool) {
	t.Helper()
	if a.status != status {
		t.Errorf("status %d, want %d (errors %+v)", a.status, status, a.errors)
	}
	if ct := a.header.Get("Content-Type"); !strings.HasPrefix(ct, media) {
		t.Errorf("Content-Type %q, want %s", ct, media)
	}
	if a.hasData() != data {
		t.Errorf("data key present = %v, want %v (members %v)", a.hasData(), data, a.members)
	}
}

// TestGraphQLOverHTTP checks each rule of the GraphQL-over-HTTP
// specification Lotse follows, against the real handler and store.
func TestGraphQLOverHTTP(t *testing.T) {
	e := newEnv(t)
	offerID := e.snap.Offers[0].ID
	admin := func(h map[string]string) map[string]string {
		h["Authorization"] = "Bearer " + e.tokens[access.RoleAdmin]
		return h
	}

	t.Run("parse error, application/json: 200 without data", func(t *testing.T) {
		a := e.send(t, "POST", "", body(`{ districts { id `, nil), jsonHeaders(ctJSON))
		want(t, a, 200, ctJSON, false)
		if len(a.errors) == 0 || a.code() != "GRAPHQL_PARSE_FAILED" {
			t.Errorf("errors %+v, want GRAPHQL_PARSE_FAILED", a.errors)
		}
	})
	t.Run("parse error, graphql-response+json: 400 without data", func(t *testing.T) {
		a := e.send(t, "POST", "", body(`{ districts { id `, nil), jsonHeaders(ctGQLResp))
		want(t, a, 400, ctGQLResp, false)
	})
	t.Run("validation error, application/json: 200 without data", func(t *testing.T) {
		a := e.send(t, "POST", "", body(`{ districts { nosuchfield } }`, nil), jsonHeaders(ctJSON))
		want(t, a, 200, ctJSON, false)
		if a.code() != "GRAPHQL_VALIDATION_FAILED" || !strings.Contains(a.errors[0].Message, "nosuchfield") {
			t.Errorf("errors %+v, want a validation error naming nosuchfield", a.errors)
		}
	})
	t.Run("validation error, graphql-response+json: 400 without data", func(t *testing.T) {
		a := e.send(t, "POST", "", body(`{ districts { nosuchfield } }`, nil), jsonHeaders(ctGQLResp))
		want(t, a, 400, ctGQLResp, false)
	})
	t.Run("variable coercion error: 200 / 400 without data", func(t *testing.T) {
		q := `query ($n: Int!) { offers(first: $n) { totalCount } }`
		want(t, e.send(t, "POST", "", body(q, map[string]any{"n": "many"}), jsonHeaders(ctJSON)), 200, ctJSON, false)
		want(t, e.send(t, "POST", "", body(q, map[string]any{"n": "many"}), jsonHeaders(ctGQLResp)), 400, ctGQLResp, false)
	})
	t.Run("refused operation (depth), graphql-response+json: 400 without data", func(t *testing.T) {
		q := `{ organisation(id: "x") { ` + strings.Repeat("parent { ", 28) + "id" + strings.Repeat(" }", 29) + " }"
		a := e.send(t, "POST", "", body(q, nil), jsonHeaders(ctGQLResp))
		want(t, a, 400, ctGQLResp, false)
	})
	t.Run("executed with a field error: 200 with data, both media types", func(t *testing.T) {
		q := `{ districts { id } auditLog { totalCount } }` // auditLog: UNAUTHENTICATED for PUBLIC
		for _, m := range []string{ctJSON, ctGQLResp} {
			a := e.send(t, "POST", "", body(q, nil), jsonHeaders(m))
			want(t, a, 200, m, true)
			if a.code() != "UNAUTHENTICATED" {
				t.Errorf("%s: errors %+v, want UNAUTHENTICATED", m, a.errors)
			}
		}
	})
	t.Run("Accept: both; the higher quality wins, graphql-response+json on a tie", func(t *testing.T) {
		q := body(`{ districts { id } }`, nil)
		want(t, e.send(t, "POST", "", q, jsonHeaders(ctJSON+", "+ctGQLResp)), 200, ctGQLResp, true)
		want(t, e.send(t, "POST", "", q, jsonHeaders(ctJSON+";q=1, "+ctGQLResp+";q=0.5")), 200, ctJSON, true)
		want(t, e.send(t, "POST", "", q, jsonHeaders("*/*")), 200, ctJSON, true)
		want(t, e.send(t, "POST", "", q, jsonHeaders("")), 200, ctJSON, true)
	})
	t.Run("Accept nothing servable: 406", func(t *testing.T) {
		a := e.send(t, "POST", "", body(`{ districts { id } }`, nil), jsonHeaders("text/html"))
		want(t, a, 406, ctJSON, false)
		if !strings.Contains(a.errors[0].Message, ctGQLResp) {
			t.Errorf("message %q should name the media types", a.errors[0].Message)
		}
	})
	t.Run("GET query: 200", func(t *testing.T) {
		v := url.Values{"query": {`query ($m: String) { districts(municipality: $m) { localId } }`}, "variables": {`{"m":"Solingen"}`}}
		a := e.send(t, "GET", v.Encode(), "", map[string]string{"Accept": ctGQLResp})
		want(t, a, 200, ctGQLResp, true)
		if !strings.Contains(string(a.members["data"]), `"sg-`) {
			t.Errorf("data %s, want Solingen's districts", a.members["data"])
		}
	})
	t.Run("GET mutation: 405 with Allow: POST, nothing changed", func(t *testing.T) {
		v := url.Values{"query": {`mutation { deleteOffer(id: "` + offerID + `") }`}}
		a := e.send(t, "GET", v.Encode(), "", admin(map[string]string{"Accept": ctJSON}))
		want(t, a, 405, ctJSON, false)
		if got := a.header.Get("Allow"); got != "POST" {
			t.Errorf("Allow %q, want POST", got)
		}
		var d struct{ Offer *struct{ ID string } }
		e.ok(access.RolePublic, `query ($id: ID!) { offer(id: $id) { id } }`, map[string]any{"id": offerID}, &d)
		if d.Offer == nil {
			t.Errorf("offer %s was deleted by a GET", offerID)
		}
	})
	t.Run("other methods: 405 with Allow", func(t *testing.T) {
		a := e.send(t, "PUT", "", body(`{ districts { id } }`, nil), jsonHeaders(ctJSON))
		want(t, a, 405, ctJSON, false)
		if got := a.header.Get("Allow"); !strings.Contains(got, "GET") || !strings.Contains(got, "POST") {
			t.Errorf("Allow %q, want GET and POST", got)
		}
	})
	t.Run("POST without Content-Type: 415 naming application/json", func(t *testing.T) {
		a := e.send(t, "POST", "", body(`{ districts { id } }`, nil), nil)
		want(t, a, 415, ctJSON, false)
		if a.code() != "UNSUPPORTED_MEDIA_TYPE" || !strings.Contains(a.errors[0].Message, "Content-Type: application/json") {
			t.Errorf("errors %+v, want UNSUPPORTED_MEDIA_TYPE telling to send application/json", a.errors)
		}
	})
	t.Run("POST with an unsupported Content-Type or charset: 415", func(t *testing.T) {
		for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"} {
			a := e.send(t, "POST", "", body(`{ districts { id } }`, nil), map[string]string{"Content-Type": ct, "Accept": ctGQLResp})
			want(t, a, 415, ctGQLResp, false)
		}
		want(t, e.send(t, "POST", "", body(`{ districts { id } }`, nil),
			map[string]string{"Content-Type": "application/json; charset=UTF-8"}), 200, ctJSON, true)
	})
	t.Run("malformed requests: 400 without data, naming the problem", func(t *testing.T) {
		for _, c := range []struct{ body, says string }{
			{`{"query": `, "not a JSON object"},
			{`["x"]`, "batched"},
			{`{"query": 42}`, "query must be a string"},
			{`{"query": "{ districts { id } }", "variables": [1]}`, "variables must be a JSON object"},
			{`{"query": "{ districts { id } }", "operationName": 7}`, "operationName must be a string"},
			{`{"variables": {}}`, "no query"},
			{``, "empty"},
		} {
			for _, m := range []string{ctJSON, ctGQLResp} {
				a := e.send(t, "POST", "", c.body, jsonHeaders(m))
				if c.says == "batched" {
					m = ctJSON // refused by the body limit in front of the transport
				}
				want(t, a, 400, m, false)
				if len(a.errors) == 0 || !strings.Contains(a.errors[0].Message, c.says) {
					t.Errorf("body %q: errors %+v, want one saying %q", c.body, a.errors, c.says)
				}
			}
		}
		a := e.send(t, "GET", "query=%7B+districts+%7B+id+%7D+%7D&variables=nope", "", nil)
		want(t, a, 400, ctJSON, false)
	})
}
