package respcache

import (
	"encoding/json"
	"testing"

	"github.com/lotse-kim/lotse/graph/generated"
)

// TestEveryFieldDecided: every field of the types the cache may keep is
// either in Cached or in NotCached (with a reason), and every listed field
// exists, so that a new or renamed field in the schema is decided on here.
func TestEveryFieldDecided(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	for typ, fields := range Cached {
		def := schema.Types[typ]
		if def == nil {
			t.Errorf("Cached names type %s, which the schema lacks", typ)
			continue
		}
		listed := map[string]bool{}
		for _, f := range fields {
			listed[f] = true
			if def.Fields.ForName(f) == nil {
				t.Errorf("Cached names %s.%s, which the schema lacks", typ, f)
			}
		}
		for f := range NotCached[typ] {
			if listed[f] {
				t.Errorf("%s.%s is both cached and not", typ, f)
			}
			if def.Fields.ForName(f) == nil {
				t.Errorf("NotCached names %s.%s, which the schema lacks", typ, f)
			}
			listed[f] = true
		}
		for _, f := range def.Fields {
			if !listed[f.Name] && f.Name[0] != '_' {
				t.Errorf("%s.%s is new: add it to Cached (a pure function of districts, organisations, offers and the caller) or to NotCached with the reason", typ, f.Name)
			}
		}
	}
}

func TestCacheable(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	a := newAllowList(Cached)
	for _, c := range []struct {
		query, op string
		want      bool
	}{
		{`{ offers { totalCount edges { node { id title provider { name } } } } }`, "", true},
		{`query A { districts { name } } query B { me { role } }`, "A", true},
		{`query A { districts { name } } query B { me { role } }`, "B", false},
		{`query A { districts { name } } query B { me { role } }`, "", false},
		{`{ offer(id: "x") { ...F } } fragment F on Offer { title provider { ...G } } fragment G on Organisation { name partners { since } }`, "", false},
		{`{ offer(id: "x") { ...F } } fragment F on Offer { title provider { ...G } } fragment G on Organisation { name }`, "", true},
		{`{ offer(id: "x") { ... on Offer { title } ... @include(if: true) { id } } }`, "", true},
		{`{ offer(id: "x") { ... on Node { id } } }`, "", false},
		{`{ offer(id: "x") { title @defer } }`, "", false},
		{`query @foo { districts { name } }`, "", false},
		{`mutation { deleteOffer(id: "x") }`, "", false},
		{`subscription { districts { name } }`, "", false},
		{`{ __schema { types { name } } }`, "", true},
		{`{ offers { edges { node { __typename } } } __typename }`, "", true},
		{`{ node(id: "x") { id } }`, "", false},
		{`{ organisation(id: "x") { workingGroups { name } } }`, "", false},
		{`{ offers { edges { node { provider { offers { district { __schema { types { name } } } } } } } } }`, "", false},
		{`{ offers {`, "", false},
	} {
		if got := a.cacheable(schema, c.query, c.op); got != c.want {
			t.Errorf("cacheable(%s, %q) = %v, want %v", c.query, c.op, got, c.want)
		}
	}
}

func TestOnlyData(t *testing.T) {
	for body, want := range map[string]bool{
		`{"data":{"a":1}}`:                       true,
		` {"data" : {"a": [1, {"errors": 2}]}}`:  true,
		`{"errors":[{"message":"x"}],"data":{}}`: false,
		`{"data":{"a":1},"errors":[]}`:           false,
		`{"data":{"a":1},"extensions":{}}`:       false,
		`{"data":null}`:                          false,
		`{"data":{"s":"}\"}"},"errors":[]}`:      false,
		`{"data":{"s":"}\\"}}`:                   true,
		`{"data":{"a":[{"b":"]"}]}}`:             true,
		`{"data":{"a":1}`:                        false,
		`{"data":{"a":1}} x`:                     false,
		`{"data":[1]}`:                           false,
		`{"data":{}}{"data":{}}`:                 false,
		`{}`:                                     false,
		`[]`:                                     false,
		``:                                       false,
	} {
		if got := onlyData([]byte(body)); got != want {
			t.Errorf("onlyData(%s) = %v, want %v", body, got, want)
		}
	}
}

func TestCanonicalVariables(t *testing.T) {
	a, _ := canonicalVariables([]byte(`{"b": [1.0, "ä"], "a": {"y": 1, "x": null}}`))
	b, _ := canonicalVariables([]byte(`{"a":{"x":null,"y":1},"b":[1.0,"\u00e4"]}`))
	if a != b {
		t.Fatalf("%s != %s", a, b)
	}
	c, _ := canonicalVariables([]byte(`{"a":{"x":null,"y":1},"b":[1,"ä"]}`))
	if c == a {
		t.Fatal("1 and 1.0 share a key; the server may read them differently")
	}
	for _, empty := range []string{``, `null`, `{}`} {
		if v, ok := canonicalVariables([]byte(empty)); !ok || v != "" {
			t.Errorf("%q: %q, %v", empty, v, ok)
		}
	}
	if _, ok := canonicalVariables([]byte(`[1]`)); ok {
		t.Error("an array as variables was taken")
	}
}

// TestStringMember: the shortcut for strings without escapes reads what
// json.Unmarshal reads.
func TestStringMember(t *testing.T) {
	for _, raw := range []string{`"{ districts { name } }"`, `"a\"b"`, `"\u00e4 ä"`, `"tab\there"`, `""`, "\"\xff\"", ` "x" `} {
		var fast, slow string
		ok := stringMember([]byte(raw), &fast)
		err := json.Unmarshal([]byte(raw), &slow)
		if ok != (err == nil) || fast != slow {
			t.Errorf("%q: %q, %v; json.Unmarshal: %q, %v", raw, fast, ok, slow, err)
		}
	}
}
