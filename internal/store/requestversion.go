package store

import (
	"context"
	"errors"
	"sync"
)

// RequestVersion lets the reads of one request share one look at the
// store's change log (ChangeLog.DirectoryVersion): the first read of the
// request reads the version, the later ones reuse it. A request then answers
// from one state of the directory, at least as new as every write that was
// acknowledged before the request began; a query of Q1's shape reads the
// store three times (the search, its providers, its districts), and on Neo4j
// each look is a round trip.
type RequestVersion struct {
	mu  sync.Mutex
	v   int64
	ok  bool
	err error // an ErrUnavailable look, kept for the rest of the request
}

type requestVersionKey struct{}

// WithRequestVersion starts one request's shared version look (the server
// calls it once per HTTP request); a ctx that has one already keeps it, so
// that the response cache and the reads after it share the same look.
func WithRequestVersion(ctx context.Context) context.Context {
	if _, ok := ctx.Value(requestVersionKey{}).(*RequestVersion); ok {
		return ctx
	}
	return context.WithValue(ctx, requestVersionKey{}, &RequestVersion{})
}

// DirectoryVersionOnce returns the version the request in ctx has seen,
// reading it with read the first time; without WithRequestVersion it reads
// every time. A read that failed with ErrUnavailable is kept too: with the
// database away, every later look of the request would wait out the same
// timeout (a search on Neo4j took three: 30 s instead of 10). Other failures
// are not kept.
func DirectoryVersionOnce(ctx context.Context, read func(context.Context) (int64, error)) (int64, error) {
	rv, _ := ctx.Value(requestVersionKey{}).(*RequestVersion)
	if rv == nil {
		return read(ctx)
	}
	rv.mu.Lock()
	defer rv.mu.Unlock()
	if rv.ok {
		return rv.v, nil
	}
	if rv.err != nil {
		return 0, rv.err
	}
	v, err := read(ctx)
	switch {
	case err == nil:
		rv.v, rv.ok = v, true
	case errors.Is(err, ErrUnavailable):
		rv.err = err
	}
	return v, err
}

// ResetRequestVersion makes the next read of the request in ctx look at the
// change log again: after a write of its own, the request must see that write
// even if the index could not take it in at once.
func ResetRequestVersion(ctx context.Context) {
	if rv, _ := ctx.Value(requestVersionKey{}).(*RequestVersion); rv != nil {
		rv.mu.Lock()
		rv.ok, rv.err = false, nil
		rv.mu.Unlock()
	}
}
