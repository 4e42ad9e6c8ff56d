package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/store"
)

// logChange appends one change to the directory's change log
// (store.ChangeLog) in tx, the write's own transaction.
func logChange(ctx context.Context, tx neo4j.ManagedTransaction, kind store.ChangeKind, ids []string) error {
	rec, err := single(ctx, tx, stDirectoryChangeInsert, changeParams(kind, ids))
	if err != nil {
		return err
	}
	seq, _ := get(rec, "seq").(int64)
	if before, ok := store.PruneChangesBefore(seq); ok {
		if _, err := run(ctx, tx, stDirectoryChangesPrune, pruneParams(before)); err != nil {
			return err
		}
	}
	return nil
}

func changeParams(kind store.ChangeKind, ids []string) map[string]any {
	return map[string]any{"kind": string(kind), "ids": ids}
}

func pruneParams(before int64) map[string]any { return map[string]any{"before": before} }

func changesParams(after int64, limit int) map[string]any {
	return map[string]any{"after": after, "limit": limit}
}

// logged is fn followed by logChange, for the writes of the directory.
func logged(kind store.ChangeKind, ids []string, fn func(ctx context.Context, tx neo4j.ManagedTransaction) error) func(ctx context.Context, tx neo4j.ManagedTransaction) error {
	return func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := fn(ctx, tx); err != nil {
			return err
		}
		return logChange(ctx, tx, kind, ids)
	}
}

// DirectoryVersion is the number of the latest directory change.
func (s *Store) DirectoryVersion(ctx context.Context) (int64, error) {
	var seq int64
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stDirectoryVersion, noParams())
		if err != nil {
			return err
		}
		seq, _ = get(rec, "seq").(int64)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("directory version: %w", err)
	}
	return seq, nil
}

// DirectoryChanges returns up to limit changes after the one numbered after.
func (s *Store) DirectoryChanges(ctx context.Context, after int64, limit int) ([]store.DirectoryChange, bool, error) {
	var changes []store.DirectoryChange
	var ok bool
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		var err error
		changes, ok, err = readChanges(ctx, tx, after, limit)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("directory changes: %w", err)
	}
	return changes, ok, nil
}

// readChanges reads up to limit changes after the one numbered after in tx;
// ok is false when the log no longer reaches back that far.
func readChanges(ctx context.Context, tx neo4j.ManagedTransaction, after int64, limit int) ([]store.DirectoryChange, bool, error) {
	recs, err := run(ctx, tx, stDirectoryChanges, changesParams(after, limit))
	if err != nil {
		return nil, false, err
	}
	var changes []store.DirectoryChange
	var first int64
	for _, rec := range recs {
		first, _ = get(rec, "first").(int64)
		seq, ok := get(rec, "seq").(int64)
		if !ok {
			continue // no change after: the one row OPTIONAL MATCH leaves
		}
		kind, _ := get(rec, "kind").(string)
		c := store.DirectoryChange{Seq: seq, Kind: store.ChangeKind(kind), IDs: []string{}}
		ids, _ := get(rec, "ids").([]any)
		for _, id := range ids {
			s, _ := id.(string)
			c.IDs = append(c.IDs, s)
		}
		changes = append(changes, c)
	}
	return changes, store.ChangesReachBack(after, first, changes), nil
}
