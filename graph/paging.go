package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"

	"github.com/lotse-kim/lotse/graph/model"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// relayPage turns the Relay paging arguments of a connection into the
// store's keyset page (store.Page, see internal/store/cursor.go): first reads
// forward from after, last backward from before. first has a schema default,
// so with last it counts only when the query gives it; given both, the store
// reads the first `first` of the window and keep (≥ 0) says how many of
// their end to keep, as the Relay specification orders.
func relayPage(ctx context.Context, first *int, after *string, last *int, before *string) (p store.Page, keep int, err error) {
	p = store.Page{After: deref(after), Before: deref(before)}
	keep = -1
	switch {
	case last == nil:
		p.First = deref(first)
	case argGiven(ctx, "first") && first != nil:
		p.First = *first
		if *last < 0 || *last > store.MaxPageSize {
			pr := directory.NewProblems()
			pr.Add("last", "must be between 0 and %d", store.MaxPageSize)
			return p, keep, pr.Err()
		}
		keep = *last
	default:
		p.First, p.Backward = *last, true
	}
	return p, keep, nil
}

// fetchPage asks fetch for the page the Relay arguments describe; parts
// gives the page's items and info, so that first and last together can keep
// the last items of the first ones.
func fetchPage[R, T any](ctx context.Context, first *int, after *string, last *int, before *string,
	fetch func(store.Page) (R, error), parts func(*R) (*[]T, *store.PageInfo)) (R, error) {
	p, keep, err := relayPage(ctx, first, after, last, before)
	if err != nil {
		var zero R
		return zero, err
	}
	r, err := fetch(p)
	if err != nil || keep < 0 {
		return r, err
	}
	items, info := parts(&r)
	if n := len(*items); n > keep {
		*items, info.Cursors = (*items)[n-keep:], info.Cursors[n-keep:]
		info.HasPreviousPage = true
	}
	return r, nil
}

// pageInfo is a page's Relay PageInfo; the start and end cursors are those
// of its first and last item (null for an empty page).
func pageInfo(p store.PageInfo) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: p.HasNextPage, HasPreviousPage: p.HasPreviousPage}
	if n := len(p.Cursors); n > 0 {
		pi.StartCursor, pi.EndCursor = &p.Cursors[0], &p.Cursors[n-1]
	}
	return pi
}

// argGiven says whether the query itself names an argument of the current
// field (rather than leaving it to the schema's default).
func argGiven(ctx context.Context, name string) bool {
	fc := graphql.GetFieldContext(ctx)
	return fc != nil && fc.Field.Field != nil && fc.Field.Arguments.ForName(name) != nil
}
