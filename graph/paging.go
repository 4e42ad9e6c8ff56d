package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// relayPage turns the Relay paging arguments of a connection into the
// store's forward window (cursors are offsets in the ordered result):
// after/before cut the result, then first keeps its beginning and last its
// end. first has a schema default, so with last it counts only when the
// query gives it. total counts the whole result; it is asked only for last
// without before.
func relayPage(ctx context.Context, first *int, after *string, last *int, before *string, total func() (int, error)) (store.Page, error) {
	if last == nil && deref(before) == "" {
		return page(first, after), nil
	}
	if last != nil && !argGiven(ctx, "first") {
		first = nil
	}
	p := directory.NewProblems()
	if first != nil && (*first < 0 || *first > store.MaxPageSize) {
		p.Add("first", "must be between 0 and %d", store.MaxPageSize)
	}
	if last != nil && (*last < 0 || *last > store.MaxPageSize) {
		p.Add("last", "must be between 0 and %d", store.MaxPageSize)
	}
	a, err := store.DecodeCursor(deref(after))
	if err != nil {
		p.Add("after", "%s", err.Error())
	}
	var hi int
	if b := deref(before); b != "" {
		if hi, err = store.DecodeCursor(b); err != nil {
			p.Add("before", "%s", err.Error())
		}
	}
	if err := p.Err(); err != nil {
		return store.Page{}, err
	}
	if deref(before) == "" {
		if hi, err = total(); err != nil {
			return store.Page{}, err
		}
	}
	lo := a + 1
	if first != nil {
		hi = min(hi, lo+*first)
	}
	if last != nil {
		lo = max(lo, hi-*last)
	}
	hi = max(hi, lo)
	out := store.Page{First: hi - lo}
	if lo > 0 {
		out.After = store.EncodeCursor(lo - 1)
	}
	return out, nil
}

// fetchPage asks fetch for the page the Relay arguments describe; for last
// without before it first asks for an empty page to learn the total.
func fetchPage[R any](ctx context.Context, first *int, after *string, last *int, before *string,
	fetch func(store.Page) (R, error), total func(R) int) (R, error) {
	p, err := relayPage(ctx, first, after, last, before, func() (int, error) {
		r, err := fetch(store.Page{})
		return total(r), err
	})
	if err != nil {
		var zero R
		return zero, err
	}
	return fetch(p)
}

// argGiven says whether the query itself names an argument of the current
// field (rather than leaving it to the schema's default).
func argGiven(ctx context.Context, name string) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Field.Field != nil && fc.Field.Arguments.ForName(name) != nil
}
