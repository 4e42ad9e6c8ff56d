package store

import (
	"fmt"
	"time"
)

// The time codec of both backends: times are stored as fixed-width UTC text,
// nanoseconds always written, so that stored times compare as text in time
// order (RFC3339Nano trims zeros and would not) and read back exactly.

const timeLayout = "2006-01-02T15:04:05.000000000Z07:00"

// TimeText is how a backend stores t.
func TimeText(t time.Time) string { return t.UTC().Format(timeLayout) }

// ParseTime reads a stored time (any RFC 3339 text) back, in UTC.
func ParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}
