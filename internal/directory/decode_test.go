package directory_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
)

// DecodeSnapshot reads what json.Unmarshal reads, record for record.
func TestDecodeSnapshotAgreesWithUnmarshal(t *testing.T) {
	data, err := json.MarshalIndent(demo.Demo(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	var want directory.Snapshot
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	got, err := directory.DecodeSnapshot(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("DecodeSnapshot: %v", err)
	}
	if len(got.Offers) < 100 || !reflect.DeepEqual(got, want) {
		t.Fatalf("DecodeSnapshot differs from json.Unmarshal (%d offers)", len(got.Offers))
	}
	empty, err := directory.DecodeSnapshot(strings.NewReader(`{"format":"x","offers":[],"districts":null}`))
	if err != nil || empty.Offers == nil || len(empty.Offers) != 0 || empty.Districts != nil {
		t.Errorf("[] and null: %+v, %v; want an empty list and nil", empty, err)
	}
}

// A document that is not a snapshot is refused with a reason.
func TestDecodeSnapshotRefuses(t *testing.T) {
	for doc, want := range map[string]string{
		`{"format":"x","offerz":[]}`:                  `unknown field "offerz"`,
		`{"offers":[{"id":"a","colour":"red"}]}`:      `offers[0]: json: unknown field "colour"`,
		`{"offers":[{"id":"a"}],"offers":[]}`:         `"offers" appears twice`,
		`{"offers":{}}`:                               `offers: want an array`,
		`{"offers":[{"id":1}]}`:                       `offers[0]`,
		`{"format":"x"} {}`:                           `more data after the document`,
		`["format"]`:                                  `want "{"`,
		`{"districts":[{"id":"d","population":"many"`: `districts[0]`,
	} {
		_, err := directory.DecodeSnapshot(strings.NewReader(doc))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one containing %q", doc, err, want)
		}
	}
}

// Every field of Snapshot is a key DecodeSnapshot knows: a list added to the
// document must be added to the decoder too (it once refused exports with
// cooperationProposals).
func TestDecodeSnapshotKnowsEveryField(t *testing.T) {
	st := reflect.TypeOf(directory.Snapshot{})
	for i := range st.NumField() {
		key, _, _ := strings.Cut(st.Field(i).Tag.Get("json"), ",")
		value, err := json.Marshal(reflect.Zero(st.Field(i).Type).Interface())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := directory.DecodeSnapshot(strings.NewReader(`{"` + key + `":` + string(value) + `}`)); err != nil {
			t.Errorf("field %s (%q): %v", st.Field(i).Name, key, err)
		}
	}
}
