package sqlite

import (
	"errors"
	"fmt"

	msqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/lotse-kim/lotse/internal/store"
)

func sqliteCode(err error) int {
	var se *msqlite.Error
	if errors.As(err, &se) {
		return se.Code()
	}
	return 0
}

// translate turns constraint failures the explicit checks did not catch
// (a race cannot happen with one writer, but a bug could) into store errors
// without SQL text.
func translate(err error, entity, id string) error {
	if err == nil {
		return nil
	}
	switch sqliteCode(err) {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return &store.Conflict{Field: "id", Reason: fmt.Sprintf("%s %q already exists", entity, id)}
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return fmt.Errorf("%s %q refers to a record that does not exist: %w", entity, id, store.ErrNotFound)
	}
	return fmt.Errorf("%s %q: %w", entity, id, err)
}
