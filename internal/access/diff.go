package access

import (
	"bytes"
	"encoding/json"
	"sort"
)

// Diff lists the top-level JSON fields whose values differ between old and
// new (either may be nil: a creation or a deletion), as JSON texts.
func Diff(old, new any) []FieldChange {
	o, n := jsonFields(old), jsonFields(new)
	keys := map[string]bool{}
	for k := range o {
		keys[k] = true
	}
	for k := range n {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		if k == "updatedAt" {
			continue // always changes; the entry's own time says when
		}
		names = append(names, k)
	}
	sort.Strings(names)
	var out []FieldChange
	for _, k := range names {
		if !bytes.Equal(blank(o[k]), blank(n[k])) {
			out = append(out, FieldChange{Field: k, Old: string(o[k]), New: string(n[k])})
		}
	}
	return out
}

func jsonFields(v any) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if v == nil {
		return m
	}
	b, err := json.Marshal(v)
	if err != nil {
		return m
	}
	_ = json.Unmarshal(b, &m)
	return m
}

// blank makes the JSON forms of "nothing" one: an absent field, null, an
// empty list and an empty object. A store may read back [] where the
// service holds nil; that is no change to record.
func blank(v json.RawMessage) []byte {
	switch s := string(bytes.TrimSpace(v)); s {
	case "", "[]", "{}":
		return []byte("null")
	}
	return v
}
