package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lotse-kim/lotse/internal/store"
)

// logChange appends one change to the directory's change log
// (store.ChangeLog) in tx, the write's own transaction.
func logChange(ctx context.Context, tx *sql.Tx, kind store.ChangeKind, ids []string) error {
	var seq int64
	if err := queryRow(ctx, tx, stDirectoryChangeInsert, sql.Named("kind", string(kind)), sql.Named("ids", jsonArray(ids))).Scan(&seq); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	if before, ok := store.PruneChangesBefore(seq); ok {
		if _, err := exec(ctx, tx, stDirectoryChangesPrune, sql.Named("before", before)); err != nil {
			return fmt.Errorf("change log: %w", err)
		}
	}
	return nil
}

// logged is fn followed by logChange, for the writes of the directory.
func logged(ctx context.Context, kind store.ChangeKind, ids []string, fn func(tx *sql.Tx) error) func(tx *sql.Tx) error {
	return func(tx *sql.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		return logChange(ctx, tx, kind, ids)
	}
}

// DirectoryVersion is the number of the latest directory change. It is
// read before every request's directory reads (the read index, the response
// cache), so its statement stays prepared: that halves its cost, which is
// most of a response-cache hit's.
func (s *Store) DirectoryVersion(ctx context.Context) (int64, error) {
	var seq int64
	st, err := s.readStmt(ctx, stDirectoryVersion.text)
	if err == nil {
		err = st.QueryRowContext(ctx).Scan(&seq)
	}
	if err != nil {
		return 0, fmt.Errorf("directory version: %w", err)
	}
	return seq, nil
}

// DirectoryChanges returns up to limit changes after the one numbered after.
func (s *Store) DirectoryChanges(ctx context.Context, after int64, limit int) ([]store.DirectoryChange, bool, error) {
	rows, err := query(ctx, s.r, stDirectoryChanges, sql.Named("after", after), sql.Named("limit", limit))
	if err != nil {
		return nil, false, fmt.Errorf("directory changes: %w", err)
	}
	defer rows.Close()
	var changes []store.DirectoryChange
	var first int64
	for rows.Next() {
		var c store.DirectoryChange
		var kind, ids string
		if err := rows.Scan(&c.Seq, &kind, &ids, &first); err != nil {
			return nil, false, fmt.Errorf("directory changes: %w", err)
		}
		c.Kind = store.ChangeKind(kind)
		if c.IDs, err = decodeList[string]("ids", ids, true); err != nil {
			return nil, false, err
		}
		changes = append(changes, c)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("directory changes: %w", err)
	}
	return changes, store.ChangesReachBack(after, first, changes), nil
}
