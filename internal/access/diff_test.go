package access

import "testing"

func TestDiffTreatsEmptyListsAsNothing(t *testing.T) {
	type rec struct {
		Name   string   `json:"name"`
		Groups []string `json:"groups,omitempty"`
		Tags   []string `json:"tags"`
	}
	if d := Diff(rec{Name: "a", Groups: []string{}, Tags: []string{}}, rec{Name: "a"}); len(d) != 0 {
		t.Errorf("an update that changes nothing records %+v", d)
	}
	d := Diff(rec{Name: "a"}, rec{Name: "a", Tags: []string{"x"}})
	if len(d) != 1 || d[0].Field != "tags" || d[0].New != `["x"]` {
		t.Errorf("diff %+v, want tags null → [\"x\"]", d)
	}
}
