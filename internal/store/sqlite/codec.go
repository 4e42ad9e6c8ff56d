package sqlite

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// jsonArray encodes a list as a JSON array; nil becomes [].
func jsonArray[T any](l []T) string {
	if len(l) == 0 {
		return "[]"
	}
	b, err := json.Marshal(l)
	if err != nil {
		panic(err) // lists of strings always marshal
	}
	return string(b)
}

// filterList is a list parameter of a filter: NULL when empty (no filter).
func filterList[T any](l []T) any {
	if len(l) == 0 {
		return nil
	}
	return jsonArray(l)
}

// mask sets bit i for every value at position i of vocab; the vocabularies
// of package directory are append-only, so stored masks stay valid.
func mask[T comparable](vocab, values []T) int64 {
	var m int64
	for _, v := range values {
		for i, w := range vocab {
			if v == w {
				m |= 1 << i
			}
		}
	}
	return m
}

func pointArgs(p *directory.GeoPoint) (lat, lon any) {
	if p == nil {
		return nil, nil
	}
	return p.Lat, p.Lon
}

func scanPoint(lat, lon sql.NullFloat64) *directory.GeoPoint {
	if !lat.Valid || !lon.Valid {
		return nil
	}
	return &directory.GeoPoint{Lat: lat.Float64, Lon: lon.Float64}
}

func scanIntPtr(n sql.NullInt64) *int {
	if !n.Valid {
		return nil
	}
	v := int(n.Int64)
	return &v
}

// decodeList reads a stored JSON array; empty stays nil unless keepEmpty.
func decodeList[T ~string](field, s string, keepEmpty bool) ([]T, error) {
	l, ok := splitCodes[T](s)
	if !ok {
		if err := json.Unmarshal([]byte(s), &l); err != nil {
			return nil, fmt.Errorf("stored %s %q: %w", field, s, err)
		}
	}
	if len(l) == 0 {
		if keepEmpty {
			return []T{}, nil
		}
		return nil, nil
	}
	return l, nil
}

// splitCodes reads a JSON array of plain strings (vocabulary and language
// codes: no escapes, no spaces) without encoding/json, which costs most of
// the time of reading a page of offers; anything else is left to json.
func splitCodes[T ~string](s string) ([]T, bool) {
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' || strings.ContainsAny(s, "\\ ") {
		return nil, false
	}
	body := s[1 : len(s)-1]
	if body == "" {
		return nil, true
	}
	parts := strings.Split(body, ",")
	out := make([]T, len(parts))
	for i, p := range parts {
		if len(p) < 2 || p[0] != '"' || p[len(p)-1] != '"' || strings.Contains(p[1:len(p)-1], `"`) {
			return nil, false
		}
		out[i] = T(p[1 : len(p)-1])
	}
	return out, true
}

type rowScanner interface{ Scan(dest ...any) error }

// windowArgs binds a keyset window: :win, the JSON array [after sort key,
// after id, before sort key, before id, sort_desc, window] (null: that side
// open; window 0: the cursors set only the flags, not the rows), and
// :backward. One JSON parameter rather than six: compared with columns,
// bare parameters made SQLite prepare a statement anew on every run.
func windowArgs(w store.Window, window bool) []any {
	afterSort, afterID := w.AfterKey()
	beforeSort, beforeID := w.BeforeKey()
	win, err := json.Marshal([]any{finite(afterSort), afterID, finite(beforeSort), beforeID, boolInt(w.SortDesc), boolInt(window)})
	if err != nil {
		panic(err) // strings and numbers always marshal
	}
	return []any{sql.Named("win", string(win)), sql.Named("backward", boolInt(w.Backward))}
}
