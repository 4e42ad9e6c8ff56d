package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/lotse-kim/lotse/internal/directory"
)

var (
	// ErrNotFound: the record (or a record it refers to) does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the write would break uniqueness or a rule that protects
	// stored data (a duplicate id, deleting an organisation that still has offers).
	ErrConflict = errors.New("conflict")
	// ErrUnavailable: the database cannot be reached right now; retry later.
	ErrUnavailable = errors.New("store unavailable")
	// ErrStorageFull: a write failed because the disk (or the database's
	// size limit) is full; reads still work, and writes do again once space
	// is freed. It is also ErrUnavailable.
	ErrStorageFull = fmt.Errorf("%w: storage full", ErrUnavailable)
)

// WriteHealth is what a store that can tell may say about its writes:
// WriteError returns ErrStorageFull while writes fail for a full disk, nil
// otherwise (an optional interface: not every backend can tell).
type WriteHealth interface {
	WriteError(ctx context.Context) error
}

// ValidationError is the domain's validation error; stores return it for
// input they refuse for its content (for example a reference to an unknown district).
type ValidationError = directory.ValidationError

// FieldError is one problem with one field.
type FieldError = directory.FieldError

// NotFound wraps ErrNotFound with the field and id it is about, so that the
// API can name the field: `providerId: organisation "x" not found`.
type NotFound struct {
	Field  string // may be empty when the missing record is the one asked for
	Entity string // "organisation", "offer", ...
	ID     string
}

func (e *NotFound) Error() string {
	msg := e.Entity + " " + `"` + e.ID + `" not found`
	if e.Field != "" {
		return e.Field + ": " + msg
	}
	return msg
}

// Unwrap makes errors.Is(err, ErrNotFound) hold.
func (e *NotFound) Unwrap() error { return ErrNotFound }

// Conflict wraps ErrConflict with the field it is about and a reason.
type Conflict struct {
	Field  string
	Reason string
}

func (e *Conflict) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Reason
	}
	return e.Reason
}

// Unwrap makes errors.Is(err, ErrConflict) hold.
func (e *Conflict) Unwrap() error { return ErrConflict }

// Under puts the field of a *NotFound or *Conflict err under path
// ("cooperationProposals[3]" + "b" → "cooperationProposals[3].b"), so that
// an import names the record of its document; other errors pass unchanged.
func Under(path string, err error) error {
	var nf *NotFound
	var c *Conflict
	switch {
	case errors.As(err, &nf):
		nf.Field = joinPath(path, nf.Field)
	case errors.As(err, &c):
		c.Field = joinPath(path, c.Field)
	}
	return err
}

func joinPath(path, field string) string {
	if field == "" {
		return path
	}
	return path + "." + field
}

// Dependents is the *Conflict of deleting an organisation that still
// provides offers or has parts (nil when it has neither), worded the same
// by every backend, since clients see the reason as the error message.
func Dependents(offers, parts int64) error {
	switch {
	case offers > 0:
		return &Conflict{Field: "id", Reason: "organisation still provides " + countOf(offers, "offer", "offers")}
	case parts > 0:
		return &Conflict{Field: "id", Reason: "organisation still has " + countOf(parts, "part", "parts")}
	}
	return nil
}

func countOf(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}

// Cooperating is the *Conflict of adding a cooperation (or proposal) for a
// pair that already cooperates, on field b, worded the same by every backend.
func Cooperating(a, b string) error {
	return &Conflict{Field: "b", Reason: fmt.Sprintf("%q and %q already cooperate", a, b)}
}
