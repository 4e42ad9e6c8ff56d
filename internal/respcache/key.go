package respcache

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lotse-kim/lotse/internal/access"
)

// request is what of an HTTP request decides its GraphQL answer.
type request struct {
	query, operationName string
	key                  string // everything that can change the answer, unambiguously joined
}

// wire is a GraphQL-over-HTTP body with its members kept raw, read the way
// the server's transport reads it (encoding/json, last member of a name wins).
type wire struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// readRequest reads the GraphQL request of r and builds its cache key: the
// method, the Accept and Content-Type headers (they choose the media type
// and status of the answer), the caller (role, organisation and token: what
// visibility depends on), the query text, the operation's name and the
// variables in canonical form (keys sorted, numbers as written). ok is
// false for a request the cache leaves alone: a body or URL that is not a
// plain GraphQL request (the transport answers those), or one with
// extensions (persisted queries). A POST body is read and put back.
func readRequest(r *http.Request) (req request, ok bool) {
	var w wire
	switch r.Method {
	case http.MethodPost:
		b, err := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(b))
		if err != nil {
			return req, false
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		if dec.Decode(&w) != nil || dec.More() {
			return req, false
		}
	case http.MethodGet:
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return req, false
		}
		w.Query, _ = json.Marshal(q.Get("query"))
		w.OperationName, _ = json.Marshal(q.Get("operationName"))
		if v := q.Get("variables"); v != "" {
			w.Variables = json.RawMessage(v)
		}
		if q.Get("extensions") != "" {
			return req, false
		}
	default:
		return req, false
	}
	if !isNull(w.Extensions) {
		return req, false
	}
	if !stringMember(w.Query, &req.query) || !stringMember(w.OperationName, &req.operationName) || strings.TrimSpace(req.query) == "" {
		return req, false
	}
	vars, ok := canonicalVariables(w.Variables)
	if !ok {
		return req, false
	}
	p := access.FromContext(r.Context())
	var k strings.Builder
	k.Grow(len(req.query) + len(vars) + 128)
	for _, part := range []string{
		r.Method, strings.Join(r.Header.Values("Accept"), "\n"), r.Header.Get("Content-Type"),
		string(p.Role), p.OrganisationID, p.TokenID,
		req.query, req.operationName, vars,
	} {
		k.WriteString(strconv.Itoa(len(part)))
		k.WriteByte(':')
		k.WriteString(part)
	}
	req.key = k.String()
	return req, true
}

func isNull(m json.RawMessage) bool {
	t := bytes.TrimSpace(m)
	return len(t) == 0 || string(t) == "null"
}

func stringMember(m json.RawMessage, into *string) bool {
	if isNull(m) {
		return true
	}
	// The decoder checked the syntax already: a string without escapes in
	// valid UTF-8 is its own text (json.Unmarshal's unescaping was half the
	// cost of a hit's key).
	if t := bytes.TrimSpace(m); len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' && bytes.IndexByte(t, '\\') < 0 && utf8.Valid(t) {
		*into = string(t[1 : len(t)-1])
		return true
	}
	return json.Unmarshal(m, into) == nil
}

// canonicalVariables writes the variables object with its keys sorted at
// every level and numbers as written, so that two requests that differ
// only in spacing or member order share an answer. Absent, null and {} are
// "".
func canonicalVariables(m json.RawMessage) (string, bool) {
	if isNull(m) {
		return "", true
	}
	dec := json.NewDecoder(bytes.NewReader(m))
	dec.UseNumber()
	var v map[string]any
	if dec.Decode(&v) != nil || v == nil || dec.More() {
		return "", false
	}
	if len(v) == 0 {
		return "", true
	}
	b, err := json.Marshal(v) // maps marshal with sorted keys
	if err != nil {
		return "", false
	}
	return string(b), true
}
