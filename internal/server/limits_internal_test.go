package server

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lotse-kim/lotse/graph/generated"
)

// Every list of objects in the schema has a cost that grows with its size:
// no list field is free, including ones added after this test was written.
func TestEveryObjectListHasACost(t *testing.T) {
	var c generated.ComplexityRoot
	schema := generated.NewExecutableSchema(generated.Config{}).Schema()
	setCosts(&c, schema)
	root := reflect.ValueOf(&c).Elem()
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") {
			continue
		}
		for _, fd := range def.Fields {
			el := schema.Types[fd.Type.Name()]
			if fd.Type.Elem == nil || el.Kind != ast.Object || (fd.Name == "edges" && strings.HasSuffix(def.Name, "Connection")) {
				continue
			}
			typ := fieldFold(root, def.Name)
			if !typ.IsValid() {
				t.Errorf("%s: no complexity struct", def.Name)
				continue
			}
			fn := fieldFold(typ, fd.Name)
			if !fn.IsValid() || fn.IsNil() {
				t.Errorf("%s.%s is a list without a cost", def.Name, fd.Name)
				continue
			}
			args := make([]reflect.Value, fn.Type().NumIn())
			args[0] = reflect.ValueOf(3)
			for i := 1; i < len(args); i++ {
				args[i] = reflect.Zero(fn.Type().In(i))
			}
			if got := int(fn.Call(args)[0].Int()); got <= 3 {
				t.Errorf("%s.%s costs %d for children of cost 3: not multiplied", def.Name, fd.Name, got)
			}
		}
	}
	es := generated.NewExecutableSchema(generated.Config{Complexity: c})
	first := 500
	if got, _ := es.Complexity(t.Context(), "Query", "offers", 10, map[string]any{"first": first}); got != 5000 {
		t.Errorf("offers(first: 500) with children of cost 10 = %d, want 5000", got)
	}
	if got := mul(1<<29, 1<<20); got != saturated {
		t.Errorf("mul does not saturate: %d", got)
	}
}

func TestTokenBucket(t *testing.T) {
	now := time.Unix(0, 0)
	l := newLimiter(RateLimit{PerSecond: 2, Burst: 3})
	l.now = func() time.Time { return now }
	for i := range 3 {
		if ok, _ := l.allow("a"); !ok {
			t.Fatalf("request %d within the burst refused", i)
		}
	}
	ok, wait := l.allow("a")
	if ok || wait <= 0 || wait > 500*time.Millisecond {
		t.Fatalf("beyond the burst: ok %v, wait %s", ok, wait)
	}
	if ok, _ := l.allow("b"); !ok {
		t.Error("another key shares the bucket")
	}
	now = now.Add(500 * time.Millisecond) // one token back
	if ok, _ := l.allow("a"); !ok {
		t.Error("no refill after 0.5 s at 2/s")
	}
	if ok, _ := l.allow("a"); ok {
		t.Error("refilled more than one token")
	}
	// Full buckets are forgotten when the map is swept.
	now = now.Add(time.Hour)
	l.sweep(now)
	if len(l.byKey) != 0 {
		t.Errorf("%d full buckets kept after a sweep", len(l.byKey))
	}
}

func TestClientAddress(t *testing.T) {
	r := httptest.NewRequest("POST", "/graphql", nil)
	r.RemoteAddr = "10.0.0.5:51234"
	r.Header.Add("X-Forwarded-For", "198.51.100.7, 203.0.113.1")
	if got := clientAddress(r, false); got != "10.0.0.5" {
		t.Errorf("untrusted: %s, want the peer 10.0.0.5", got)
	}
	if got := clientAddress(r, true); got != "203.0.113.1" {
		t.Errorf("trusted: %s, want the address the proxy appended, 203.0.113.1", got)
	}
	r.Header.Set("X-Forwarded-For", "not-an-ip")
	if got := clientAddress(r, true); got != "10.0.0.5" {
		t.Errorf("garbage header: %s, want the peer", got)
	}
}
