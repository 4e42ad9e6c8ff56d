package graph

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Store and domain errors become the codes of DESIGN.md §5; whatever else
// goes wrong is INTERNAL with a message that gives nothing away.
func TestPresentErrorCodes(t *testing.T) {
	for _, c := range []struct {
		err         error
		code, field string
		message     string
	}{
		{&directory.ValidationError{Problems: []directory.FieldError{{Field: "title", Message: "must not be empty"}}}, CodeBadUserInput, "title", "title: must not be empty"},
		{fmt.Errorf("create: %w", &store.NotFound{Field: "providerId", Entity: "organisation", ID: "x"}), CodeNotFound, "providerId", `providerId: organisation "x" not found`},
		{&store.Conflict{Field: "id", Reason: "organisation still provides 3 offers"}, CodeConflict, "id", "id: organisation still provides 3 offers"},
		{fmt.Errorf("neo4j: %w: connection refused", store.ErrUnavailable), CodeUnavailable, "", "the database is not reachable right now; try again shortly"},
		{context.DeadlineExceeded, CodeUnavailable, "", "the request took too long"},
		{access.Require(access.Anonymous, "createOffer", access.RoleAdmin), CodeUnauthenticated, "", ""},
		{access.Require(access.Principal{Role: access.RolePartner, TokenID: "t"}, "createOrganisation", access.RoleAdmin), CodeForbidden, "", ""},
		{errors.New(`sql: near "SELEC": syntax error`), CodeInternal, "", "internal error"},
	} {
		got := PresentError(t.Context(), c.err)
		if got.Extensions["code"] != c.code {
			t.Errorf("%v: code %v, want %s", c.err, got.Extensions["code"], c.code)
		}
		if f, _ := got.Extensions["field"].(string); f != c.field {
			t.Errorf("%v: field %q, want %q", c.err, f, c.field)
		}
		if c.message != "" && got.Message != c.message {
			t.Errorf("%v: message %q, want %q", c.err, got.Message, c.message)
		}
	}
}
