package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// The media types of GraphQL over HTTP
// (https://graphql.github.io/graphql-over-http/draft/).
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// Codes of requests that are refused before any GraphQL work.
const (
	CodeUnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE"
	CodeNotAcceptable        = "NOT_ACCEPTABLE"
	CodeMethodNotAllowed     = "METHOD_NOT_ALLOWED"
)

// httpTransport serves GraphQL over HTTP as the specification says, for
// both response media types:
//
//   - POST needs Content-Type application/json (UTF-8); anything else, a
//     missing type included, is 415 naming the type to send.
//   - GET carries query, operationName, variables and extensions in the URL
//     and runs queries only: a mutation is 405 with Allow: POST.
//   - A body or URL that is not a GraphQL request (bad JSON, query not a
//     string, variables not an object) is 400.
//   - A request error (parse, validation, variable coercion, a refused
//     operation) answers 200 with application/json and 400 with
//     application/graphql-response+json, and the response has no data key.
//   - Once execution starts the answer is 200, field errors or not.
//
// gqlgen's own GET and POST transports answer 422 and 406 instead, and
// "transport not supported" for a missing Content-Type.
type httpTransport struct{}

var _ graphql.Transport = httpTransport{}

// Supports takes every request except websocket upgrades and OPTIONS/HEAD
// (transport.Options answers those), so that wrong methods and media types
// get a helpful answer here rather than gqlgen's generic one.
func (httpTransport) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == "" && r.Method != http.MethodOptions && r.Method != http.MethodHead
}

// requestError is a response to a request that never reached execution: it
// has no data key, unlike graphql.Response.
type requestError struct {
	Errors     gqlerror.List  `json:"errors"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

func (httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	media, ok := negotiate(r.Header.Values("Accept"))
	if !ok {
		refuse(w, mediaJSON, http.StatusNotAcceptable, CodeNotAcceptable,
			"none of the media types in Accept can be served; accept %s or %s", mediaGraphQLResponse, mediaJSON)
		return
	}
	var (
		params *graphql.RawParams
		err    error
	)
	switch r.Method {
	case http.MethodGet:
		params, err = paramsFromURL(r.URL.RawQuery)
	case http.MethodPost:
		if msg := checkContentType(r.Header.Get("Content-Type")); msg != "" {
			refuse(w, media, http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, "%s", msg)
			return
		}
		params, err = paramsFromBody(r.Body)
	default:
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		refuse(w, media, http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			"%s is not supported on /graphql; send queries with GET or POST and mutations with POST", r.Method)
		return
	}
	if err != nil {
		refuse(w, media, http.StatusBadRequest, CodeBadRequest, "%s", err.Error())
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: graphql.Now(), End: graphql.Now()}

	ctx := r.Context()
	opCtx, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, opCtx), errs)
		status := http.StatusOK // application/json: a well-formed request is 200
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		write(w, media, status, requestError{Errors: resp.Errors, Extensions: resp.Extensions})
		return
	}
	if r.Method == http.MethodGet && opCtx.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		refuse(w, media, http.StatusMethodNotAllowed, CodeMethodNotAllowed,
			"a %s cannot be sent with GET; send it with POST", opCtx.Operation.Operation)
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, opCtx)
	writeResponse(w, media, responses(ctx))
}

// writeResponse writes an executed operation's response. Its data is JSON
// gqlgen has already written compactly, so it is copied as it is: json.Marshal
// would scan and re-compact the whole of it (a tenth of the CPU of a large
// list). Only the small members go through json.Marshal.
func writeResponse(w http.ResponseWriter, media string, resp *graphql.Response) {
	if resp == nil || resp.Label != "" || resp.Path != nil || resp.HasNext != nil {
		write(w, media, http.StatusOK, resp) // incremental delivery: not on this transport's path
		return
	}
	b := make([]byte, 0, len(resp.Data)+64)
	b = append(b, '{')
	if len(resp.Errors) > 0 {
		errs, err := json.Marshal(resp.Errors)
		if err != nil {
			write(w, media, http.StatusOK, resp) // answers the encoding error
			return
		}
		b = append(append(append(b, `"errors":`...), errs...), ',')
	}
	b = append(b, `"data":`...)
	if len(resp.Data) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, resp.Data...)
	}
	if len(resp.Extensions) > 0 {
		ext, err := json.Marshal(resp.Extensions)
		if err != nil {
			write(w, media, http.StatusOK, resp)
			return
		}
		b = append(append(b, `,"extensions":`...), ext...)
	}
	b = append(b, '}')
	writeBytes(w, media, http.StatusOK, b)
}

// negotiate picks the response media type from the Accept headers: the one
// of highest quality among application/graphql-response+json and
// application/json, the former on a tie. No Accept, */* and application/*
// mean application/json, as the specification asks during its transition.
func negotiate(accept []string) (string, bool) {
	if len(accept) == 0 {
		return mediaJSON, true
	}
	best, bestQ := "", 0.0
	for _, h := range accept {
		for part := range strings.SplitSeq(h, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			q := 1.0
			if s, ok := params["q"]; ok {
				if q, err = strconv.ParseFloat(s, 64); err != nil {
					continue
				}
			}
			var m string
			switch mt {
			case mediaGraphQLResponse:
				m = mediaGraphQLResponse
			case mediaJSON, "*/*", "application/*":
				m = mediaJSON
			default:
				continue
			}
			if q > bestQ || q == bestQ && q > 0 && m == mediaGraphQLResponse {
				best, bestQ = m, q
			}
		}
	}
	return best, bestQ > 0
}

// checkContentType says what is wrong with a POST's Content-Type ("" when
// nothing is).
func checkContentType(ct string) string {
	const want = "send the request as JSON with the header Content-Type: application/json"
	if strings.TrimSpace(ct) == "" {
		return "the request has no Content-Type; " + want
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return fmt.Sprintf("the Content-Type %q cannot be read; %s", ct, want)
	}
	if mt != mediaJSON {
		return fmt.Sprintf("the Content-Type %s is not supported; %s", mt, want)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return fmt.Sprintf("the charset %s is not supported; send UTF-8", cs)
	}
	return ""
}

// wireRequest is a GraphQL-over-HTTP request with every member kept raw, so
// that a member of the wrong type can be named.
type wireRequest struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

func paramsFromBody(body io.Reader) (*graphql.RawParams, error) {
	b, err := io.ReadAll(body)
	if err != nil {
		return nil, fmt.Errorf("could not read the request body")
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, fmt.Errorf(`the request body is empty; send a JSON object such as {"query": "{ me { role } }"}`)
	}
	var w wireRequest
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf(`the request body is not a JSON object such as {"query": "{ me { role } }"}: %v`, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("the request body holds more than one JSON value")
	}
	p := &graphql.RawParams{}
	if err := stringMember("query", w.Query, &p.Query); err != nil {
		return nil, err
	}
	if err := stringMember("operationName", w.OperationName, &p.OperationName); err != nil {
		return nil, err
	}
	if err := objectMember("variables", w.Variables, &p.Variables); err != nil {
		return nil, err
	}
	if err := objectMember("extensions", w.Extensions, &p.Extensions); err != nil {
		return nil, err
	}
	return p, needQuery(p)
}

func paramsFromURL(raw string) (*graphql.RawParams, error) {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return nil, fmt.Errorf("the URL's query string cannot be read: %v", err)
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	for _, m := range []struct {
		name string
		into *map[string]any
	}{{"variables", &p.Variables}, {"extensions", &p.Extensions}} {
		if v := q.Get(m.name); v != "" {
			if err := objectMember(m.name, json.RawMessage(v), m.into); err != nil {
				return nil, err
			}
		}
	}
	return p, needQuery(p)
}

// needQuery refuses a request without a query, unless it names a persisted
// query (automatic persisted queries send only the hash).
func needQuery(p *graphql.RawParams) error {
	if strings.TrimSpace(p.Query) == "" && p.Extensions["persistedQuery"] == nil {
		return fmt.Errorf("the request has no query")
	}
	return nil
}

func isNull(m json.RawMessage) bool {
	t := bytes.TrimSpace(m)
	return len(t) == 0 || string(t) == "null"
}

func stringMember(name string, m json.RawMessage, into *string) error {
	if isNull(m) {
		return nil
	}
	if err := json.Unmarshal(m, into); err != nil {
		return fmt.Errorf("%s must be a string", name)
	}
	return nil
}

func objectMember(name string, m json.RawMessage, into *map[string]any) error {
	if isNull(m) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(m))
	dec.UseNumber() // gqlgen's scalars expect json.Number for numbers
	if err := dec.Decode(into); err != nil || *into == nil {
		return fmt.Errorf("%s must be a JSON object", name)
	}
	return nil
}

func refuse(w http.ResponseWriter, media string, status int, code, format string, args ...any) {
	write(w, media, status, requestError{Errors: gqlerror.List{{
		Message:    fmt.Sprintf(format, args...),
		Extensions: map[string]any{"code": code},
	}}})
}

func write(w http.ResponseWriter, media string, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		// A response that cannot be encoded is a bug; say so without detail.
		media, status = mediaJSON, http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"the response could not be encoded","extensions":{"code":"INTERNAL"}}]}`)
	}
	writeBytes(w, media, status, b)
}

// writeBytes sends one whole response body; with its length known, net/http
// sends it in one piece instead of chunks.
func writeBytes(w http.ResponseWriter, media string, status int, b []byte) {
	h := w.Header()
	h.Set("Content-Type", media+"; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
