// Package respcache keeps whole GraphQL answers to directory queries in
// memory and serves them again while the directory has not changed: an
// HTTP middleware in front of the GraphQL handler, behind authentication,
// rate limits and body limits.
//
// Never stale: the store numbers every write of districts, organisations
// and offers in the write's own transaction (store.ChangeLog), whoever makes
// it — this process, another one on the same SQLite file, another replica on
// the same Neo4j. The cache reads that number before it runs a request and
// keeps the answer under it; it serves a kept answer only when the number
// read for the new request is the same. A write that commits while a
// request runs raises the number, so that answer, whatever it saw, is never
// served. One cheap read of the number per request is the whole cost of a
// hit.
//
// Only queries whose every field is listed in Cached (pure functions of the
// directory and the caller) are kept, and only answers with status 200 and
// no errors. The key is the exact request (query, operationName, variables
// in canonical form) with the caller's role, organisation and token, and the
// Accept and Content-Type headers.
package respcache

import (
	"bytes"
	"context"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lotse-kim/lotse/internal/store"
)

// DefaultBytes is the memory budget of `lotse serve`'s cache (32 MiB).
const DefaultBytes = 32 << 20

// Versioner tells the directory's version (service.Service.DirectoryVersion).
type Versioner interface {
	DirectoryVersion(ctx context.Context) (int64, error)
}

// Cache is the response cache. Its zero value is not usable; see New.
type Cache struct {
	schema  *ast.Schema
	version Versioner
	allow   allowList
	lru     *lru

	decMu     sync.Mutex
	decisions map[document]bool // cacheable, by query text and operation name
	decBytes  int               // the length of the decisions' keys

	hits, misses atomic.Int64
}

// maxDecisionBytes bounds the memory of the remembered decisions (unique
// queries a client could send); beyond it they are forgotten and taken anew.
const maxDecisionBytes = 4 << 20

// New returns a cache of at most budget bytes for the GraphQL schema,
// reading the directory's version from v.
func New(budget int64, schema *ast.Schema, v Versioner) *Cache {
	return &Cache{schema: schema, version: v, allow: newAllowList(Cached), lru: newLRU(budget), decisions: map[document]bool{}}
}

// Stats are the cache's counters.
type Stats struct {
	Hits, Misses int64 // requests answered from the cache, and cacheable-looking requests that ran
	Entries      int
	Bytes        int64
}

// Stats returns the counters so far.
func (c *Cache) Stats() Stats {
	n, b := c.lru.stats()
	return Stats{Hits: c.hits.Load(), Misses: c.misses.Load(), Entries: n, Bytes: b}
}

// Handler serves kept answers and keeps new ones; next is the GraphQL
// handler (with whatever per-request setup it needs, e.g. dataloaders).
func (c *Cache) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, ok := readRequest(r)
		if !ok || c.known(req) == decidedNo {
			next.ServeHTTP(w, r)
			return
		}
		// The version before anything of the request runs: the answer
		// reflects this version or a later one. The request's reads share
		// this look (store.WithRequestVersion), also when it failed: with the
		// database away they fail at once instead of each waiting for it.
		ctx := store.WithRequestVersion(r.Context())
		r = r.WithContext(ctx)
		version, err := store.DirectoryVersionOnce(ctx, c.version.DirectoryVersion)
		if err != nil {
			slog.DebugContext(r.Context(), "response cache: no directory version; not cached", "err", err)
			next.ServeHTTP(w, r)
			return
		}
		if e := c.lru.get(req.key, version); e != nil {
			c.hits.Add(1)
			e.writeTo(w)
			return
		}
		c.misses.Add(1)
		rec := &recorder{ResponseWriter: w, before: w.Header().Clone(), limit: c.lru.budget / 4}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK // nothing written: net/http answers 200
		}
		if rec.status != http.StatusOK || rec.overflow || !onlyData(rec.body.Bytes()) || !c.cacheable(req) {
			return
		}
		c.lru.put(&entry{key: req.key, version: version, status: rec.status, header: rec.header, body: bytes.Clone(rec.body.Bytes())})
	})
}

// document names an operation of a query text.
type document struct{ operationName, query string }

func (d document) size() int { return len(d.operationName) + len(d.query) }

type decision int

const (
	undecided decision = iota
	decidedNo
	decidedYes
)

// known returns what was decided about the request's document before.
func (c *Cache) known(req request) decision {
	c.decMu.Lock()
	defer c.decMu.Unlock()
	ok, seen := c.decisions[document{req.operationName, req.query}]
	switch {
	case !seen:
		return undecided
	case ok:
		return decidedYes
	}
	return decidedNo
}

// cacheable decides (once per document and operation) whether the answer
// may be kept. It runs only after an answer without errors, so it never
// parses a document the server's limits refused.
func (c *Cache) cacheable(req request) bool {
	k := document{req.operationName, req.query}
	c.decMu.Lock()
	ok, seen := c.decisions[k]
	c.decMu.Unlock()
	if seen {
		return ok
	}
	ok = c.allow.cacheable(c.schema, req.query, req.operationName)
	c.decMu.Lock()
	if c.decBytes+k.size() > maxDecisionBytes {
		clear(c.decisions)
		c.decBytes = 0
	}
	if _, dup := c.decisions[k]; !dup && k.size() <= maxDecisionBytes/64 {
		c.decisions[k] = ok
		c.decBytes += k.size()
	}
	c.decMu.Unlock()
	return ok
}

// writeTo writes the kept answer as the inner handler wrote it: its
// headers over those the middleware around set, the status, the body in
// one Write (so net/http frames it as it framed the original).
func (e *entry) writeTo(w http.ResponseWriter) {
	h := w.Header()
	for k, vs := range e.header {
		if vs == nil {
			delete(h, k)
			continue
		}
		h[k] = slices.Clip(vs)
	}
	w.WriteHeader(e.status)
	_, _ = w.Write(e.body)
}

// onlyData reports whether body is a JSON object whose one member is data,
// an object: a GraphQL answer without errors and without extensions. The
// body is the server's own JSON, so skipping the data value needs only to
// follow strings and nesting (encoding/json's decoder took 1.3 ms for the
// 24 KB of Q2's answer; this takes microseconds).
func onlyData(body []byte) bool {
	rest, ok := bytes.CutPrefix(trimSpace(body), []byte("{"))
	if !ok {
		return false
	}
	if rest, ok = bytes.CutPrefix(trimSpace(rest), []byte(`"data"`)); !ok {
		return false
	}
	if rest, ok = bytes.CutPrefix(trimSpace(rest), []byte(":")); !ok {
		return false
	}
	rest = trimSpace(rest)
	n := skipObject(rest)
	return n > 0 && string(trimSpace(rest[n:])) == "}"
}

func trimSpace(b []byte) []byte { return bytes.TrimLeft(b, " \t\r\n") }

// skipObject returns the length of the JSON object at the start of b, or
// -1 when b does not start with a complete one.
func skipObject(b []byte) int {
	if len(b) == 0 || b[0] != '{' {
		return -1
	}
	depth, inString := 0, false
	for i := 0; i < len(b); i++ {
		if inString {
			// Jump to the string's next quote or backslash.
			j := bytes.IndexAny(b[i:], `"\\`)
			if j < 0 {
				return -1
			}
			i += j
			if b[i] == '\\' {
				i++ // the escaped character, a quote included
			} else {
				inString = false
			}
			continue
		}
		c := b[i]
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// recorder passes the inner handler's answer through and keeps a copy:
// the headers it set or removed, its status and (up to limit) its body.
type recorder struct {
	http.ResponseWriter
	before   http.Header // the headers before the inner handler ran
	header   http.Header // what it changed: a nil value is a removed header
	status   int
	body     bytes.Buffer
	limit    int64
	overflow bool
}

func (r *recorder) WriteHeader(status int) {
	if r.status != 0 {
		return
	}
	r.status = status
	r.header = http.Header{}
	now := r.ResponseWriter.Header()
	for k, vs := range now {
		if old, ok := r.before[k]; !ok || !slices.Equal(old, vs) {
			r.header[k] = slices.Clone(vs)
		}
	}
	for k := range maps.Keys(r.before) {
		if _, ok := now[k]; !ok {
			r.header[k] = nil
		}
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.WriteHeader(http.StatusOK)
	}
	if !r.overflow {
		if int64(r.body.Len()+len(b)) > r.limit {
			r.overflow, r.body = true, bytes.Buffer{}
		} else {
			r.body.Write(b)
		}
	}
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
