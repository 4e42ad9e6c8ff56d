package graph

import (
	"context"
	"errors"
	"log/slog"
	"slices"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Error codes in extensions.code (DESIGN.md §5).
const (
	CodeBadUserInput    = "BAD_USER_INPUT"
	CodeNotFound        = "NOT_FOUND"
	CodeConflict        = "CONFLICT"
	CodeForbidden       = "FORBIDDEN"
	CodeUnauthenticated = "UNAUTHENTICATED"
	CodeUnavailable     = "UNAVAILABLE"
	CodeInternal        = "INTERNAL"
)

func coded(ctx context.Context, code, field, msg string) *gqlerror.Error {
	e := &gqlerror.Error{Message: msg, Path: graphql.GetPath(ctx), Extensions: map[string]any{"code": code}}
	if field != "" {
		e.Extensions["field"] = field
	}
	return e
}

// SplitValidation turns a validation error of a field into one GraphQL error
// per invalid input field, so that a client can mark each of them. It works
// on the finished response (PresentError keeps the ValidationError in Err)
// rather than around every field: a field interceptor would cost every field
// of every response two allocations for the few that fail validation.
func SplitValidation(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if resp == nil || !slices.ContainsFunc(resp.Errors, isValidation) {
		return resp
	}
	out := make(gqlerror.List, 0, len(resp.Errors))
	for _, e := range resp.Errors {
		var ve *directory.ValidationError
		if !isValidation(e) || !errors.As(e.Err, &ve) {
			out = append(out, e)
			continue
		}
		for _, p := range ve.Problems {
			one := &gqlerror.Error{Message: p.Error(), Path: e.Path, Locations: e.Locations,
				Extensions: map[string]any{"code": CodeBadUserInput}}
			if p.Field != "" {
				one.Extensions["field"] = p.Field
			}
			out = append(out, one)
		}
	}
	resp.Errors = out
	return resp
}

func isValidation(e *gqlerror.Error) bool {
	var ve *directory.ValidationError
	return e != nil && e.Err != nil && errors.As(e.Err, &ve) && len(ve.Problems) > 0
}

// PresentError maps domain and store errors to coded GraphQL errors. Anything
// unexpected is logged and answered as INTERNAL without its text, so that no
// SQL, Cypher or stack trace reaches a client.
func PresentError(ctx context.Context, err error) *gqlerror.Error {
	var (
		gqlErr *gqlerror.Error
		ve     *directory.ValidationError
		nf     *store.NotFound
		cf     *store.Conflict
		denied *access.Denied
	)
	switch {
	case errors.As(err, &ve) && len(ve.Problems) > 0:
		p := ve.Problems[0]
		e := coded(ctx, CodeBadUserInput, p.Field, ve.Error())
		e.Err = ve // SplitValidation makes one error per problem of it
		if gqlErr, ok := err.(*gqlerror.Error); ok {
			e.Locations = gqlErr.Locations // where gqlgen placed the field
		}
		return e
	case errors.As(err, &nf):
		return coded(ctx, CodeNotFound, nf.Field, nf.Error())
	case errors.Is(err, store.ErrNotFound):
		return coded(ctx, CodeNotFound, "", err.Error())
	case errors.As(err, &cf):
		return coded(ctx, CodeConflict, cf.Field, cf.Error())
	case errors.Is(err, store.ErrConflict):
		return coded(ctx, CodeConflict, "", err.Error())
	case errors.As(err, &denied) && errors.Is(err, access.ErrUnauthenticated):
		return coded(ctx, CodeUnauthenticated, "", denied.Error())
	case errors.As(err, &denied):
		return coded(ctx, CodeForbidden, "", denied.Error())
	case errors.Is(err, store.ErrStorageFull):
		slog.ErrorContext(ctx, "storage full", "path", graphql.GetPath(ctx).String(), "err", err)
		return coded(ctx, CodeUnavailable, "", "storage is full: nothing was written; reads still work, writes do again once the operator frees disk space")
	case errors.Is(err, store.ErrUnavailable):
		slog.WarnContext(ctx, "store unavailable", "path", graphql.GetPath(ctx).String(), "err", err)
		return coded(ctx, CodeUnavailable, "", "the database is not reachable right now; try again shortly")
	case errors.Is(err, context.DeadlineExceeded):
		return coded(ctx, CodeUnavailable, "", "the request took too long")
	case errors.Is(err, context.Canceled):
		return coded(ctx, CodeInternal, "", "the request was cancelled")
	case errors.As(err, &gqlErr) && gqlErr.Unwrap() == nil:
		// gqlgen's own parse and validation errors.
		if gqlErr.Path == nil {
			gqlErr.Path = graphql.GetPath(ctx)
		}
		return gqlErr
	}
	slog.ErrorContext(ctx, "internal error", "path", graphql.GetPath(ctx).String(), "err", err)
	return coded(ctx, CodeInternal, "", "internal error")
}

// Recover logs a panic in a resolver and answers INTERNAL.
func Recover(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "panic in resolver", "path", graphql.GetPath(ctx).String(), "panic", p)
	return errors.New("panic")
}
