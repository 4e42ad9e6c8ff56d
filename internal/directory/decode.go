package directory

import (
	"encoding/json"
	"fmt"
	"io"
)

// DecodeSnapshot reads one Snapshot document from r, record by record: the
// decoder holds one record at a time instead of the whole document (an
// NRW-scale document is about 200 MB). Unknown fields are errors, as with
// a json.Decoder that disallows them; so is anything after the document.
func DecodeSnapshot(r io.Reader) (Snapshot, error) {
	var s Snapshot
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := expectDelim(dec, '{'); err != nil {
		return s, err
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return s, err
		}
		key, _ := t.(string)
		if seen[key] {
			return s, fmt.Errorf("field %q appears twice", key)
		}
		seen[key] = true
		switch key {
		case "format":
			err = dec.Decode(&s.Format)
		case "districts":
			s.Districts, err = decodeList[District](dec, key)
		case "workingGroups":
			s.WorkingGroups, err = decodeList[WorkingGroup](dec, key)
		case "organisations":
			s.Organisations, err = decodeList[Organisation](dec, key)
		case "offers":
			s.Offers, err = decodeList[Offer](dec, key)
		case "cooperations":
			s.Cooperations, err = decodeList[Cooperation](dec, key)
		case "unmetNeeds":
			s.UnmetNeeds, err = decodeList[UnmetNeed](dec, key)
		case "cooperationProposals":
			s.CooperationProposals, err = decodeList[CooperationProposal](dec, key)
		default:
			return s, fmt.Errorf("json: unknown field %q", key)
		}
		if err != nil {
			return s, err
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return s, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return s, fmt.Errorf("more data after the document")
	}
	return s, nil
}

// decodeList reads a JSON array (or null) of T, one element at a time.
func decodeList[T any](dec *json.Decoder, key string) ([]T, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	if t == nil {
		return nil, nil
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return nil, fmt.Errorf("%s: want an array, got %v", key, t)
	}
	out := []T{} // as json.Unmarshal gives for []
	for i := 0; dec.More(); i++ {
		var x T
		if err := dec.Decode(&x); err != nil {
			return nil, fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		out = append(out, x)
	}
	if err := expectDelim(dec, ']'); err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	return out, nil
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != want {
		return fmt.Errorf("want %q, got %v", string(want), t)
	}
	return nil
}
