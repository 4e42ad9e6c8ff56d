package store

import (
	"context"

	"github.com/lotse-kim/lotse/internal/directory"
)

// ImportProgress is told, while Import writes, how far it is: done of total
// steps, where a step is one record of the snapshot or one step of the work
// after the records (building indexes). It is called from the writing
// goroutine and must be quick.
type ImportProgress func(done, total int)

type progressKey struct{}

// WithImportProgress attaches fn to ctx; Import reports to it as it writes.
func WithImportProgress(ctx context.Context, fn ImportProgress) context.Context {
	return context.WithValue(ctx, progressKey{}, fn)
}

// ImportProgressFrom returns the function attached to ctx, or one that does nothing.
func ImportProgressFrom(ctx context.Context) ImportProgress {
	if fn, ok := ctx.Value(progressKey{}).(ImportProgress); ok && fn != nil {
		return fn
	}
	return func(int, int) {}
}

// SnapshotRecords is the number of records Import writes for s, the total
// that its progress counts up to before any work after the records.
func SnapshotRecords(s directory.Snapshot) int {
	return len(s.Districts) + len(s.WorkingGroups) + len(s.Organisations) + len(s.Offers) + len(s.Cooperations) + len(s.UnmetNeeds)
}
