package store

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lotse-kim/lotse/internal/directory"
)

func TestCursorRoundTrip(t *testing.T) {
	near := &Near{Lat: 51.17, Lon: 7.08, RadiusKm: 5}
	for _, c := range []struct {
		o Ordering
		k Key
	}{
		{OfferOrdering(OrderTitle, nil), Key{Sort: "Mütter-Café ☕", ID: "sg-off-1"}},
		{OfferOrdering(OrderUpdated, nil), Key{Sort: "2026-12-01T11:00:00.000000001Z", ID: "x"}},
		{OfferOrdering(OrderFreePlaces, nil), Key{Sort: int64(-1), ID: "x"}},
		{OfferOrdering(OrderDistance, near), Key{Sort: 0.1 + 0.2, ID: "x"}}, // not a short decimal
		{OfferOrdering(OrderDistance, near), Key{Sort: math.Inf(1), ID: "x"}},
		{OrderingAudit, Key{Sort: int64(1) << 60, ID: "audit-1"}},
		{OrderingOrganisations, Key{Sort: "", ID: "org"}},
		{OrderingReferrals, Key{Sort: "2026-01-01T00:00:00.000000000Z", ID: "ref"}},
	} {
		cur := c.o.Encode(c.k)
		if strings.ContainsAny(cur, "+/=") {
			t.Errorf("%s: cursor %q is not unpadded base64url", c.o.Name, cur)
		}
		got, err := c.o.Decode("after", cur)
		if err != nil || got != c.k {
			t.Errorf("%s: Decode(Encode(%v)) = %v, %v", c.o.Name, c.k, got, err)
		}
	}
}

func TestCursorRefusals(t *testing.T) {
	title := OfferOrdering(OrderTitle, nil)
	old := base64.RawURLEncoding.EncodeToString([]byte("lotse:3"))
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, c := range []struct {
		name, cursor, want string
	}{
		{"not base64", "%%%", "not a cursor"},
		{"not JSON", enc("hello"), "not a cursor"},
		{"offset cursor of an earlier release", old, "offset cursor"},
		{"other version", enc(`["k0","offers.TITLE","a","b"]`), "another version"},
		{"other list", OrderingOrganisations.Encode(Key{Sort: "a", ID: "b"}), "organisations"},
		{"other order", OfferOrdering(OrderUpdated, nil).Encode(Key{Sort: "a", ID: "b"}), "offers.UPDATED_AT"},
		{"wrong key type", enc(`["k1","offers.TITLE",3,"b"]`), "not a cursor"},
		{"no id", enc(`["k1","offers.TITLE","a",""]`), "not a cursor"},
		{"too short", enc(`["k1","offers.TITLE"]`), "not a cursor"},
	} {
		_, err := title.Decode("before", c.cursor)
		var ve *directory.ValidationError
		if !errors.As(err, &ve) || ve.Problems[0].Field != "before" || !strings.Contains(ve.Problems[0].Message, c.want) {
			t.Errorf("%s: %v, want a problem on before containing %q", c.name, err, c.want)
		}
	}
	// A DISTANCE cursor belongs to its centre.
	a := OfferOrdering(OrderDistance, &Near{Lat: 51, Lon: 7, RadiusKm: 1})
	b := OfferOrdering(OrderDistance, &Near{Lat: 51, Lon: 7.0001, RadiusKm: 1})
	if _, err := b.Decode("after", a.Encode(Key{Sort: 1.5, ID: "x"})); err == nil {
		t.Error("a DISTANCE cursor of another centre was accepted")
	}
	// Page.Window names the size field by direction and every bad cursor.
	_, err := Page{First: -1, Backward: true, After: "x", Before: old}.Window(title)
	var ve *directory.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 3 {
		t.Fatalf("Window: %v, want three problems", err)
	}
	var fields []string
	for _, p := range ve.Problems {
		fields = append(fields, p.Field)
	}
	slices.Sort(fields)
	if !slices.Equal(fields, []string{"after", "before", "last"}) {
		t.Errorf("Window problems on %v", fields)
	}
}

// TestPaginate: every window, forward and backward, is the matching slice of
// the sorted result, with hasNext/hasPrevious as the whole result says; and
// cursors of items deleted since still place the window.
func TestPaginate(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	o := OfferOrdering(OrderFreePlaces, nil) // descending key, ascending id
	var all []Key
	for i := range 40 {
		all = append(all, Key{Sort: int64(rnd.IntN(6)) - 1, ID: fmt.Sprintf("o%02d", i)})
	}
	slices.SortFunc(all, o.Compare)
	id := func(k Key) Key { return k }
	// A sparser result: the cursors of the dropped items stay valid positions.
	var kept []Key
	for i, k := range all {
		if i%3 != 0 {
			kept = append(kept, k)
		}
	}
	for trial := range 500 {
		var w Window
		w.Ordering, w.Limit, w.Backward = o, rnd.IntN(8), trial%2 == 1
		i, j := rnd.IntN(len(all)+1)-1, rnd.IntN(len(all)+1)
		if i >= 0 {
			w.After = &all[i]
		}
		if j < len(all) && rnd.IntN(3) > 0 {
			w.Before = &all[j]
		}
		rows, info := Paginate(w, kept, id)
		var in []Key
		for _, k := range kept {
			if w.Contains(k) {
				in = append(in, k)
			}
		}
		want := in[:min(len(in), w.Limit)]
		if w.Backward {
			want = in[max(0, len(in)-w.Limit):]
		}
		if !slices.Equal(rows, want) {
			t.Fatalf("window %+v: %v, want %v", w, rows, want)
		}
		start, end := -1, -1 // positions in kept of the page's (or window's) ends
		if len(rows) > 0 {
			start, end = slices.Index(kept, rows[0]), slices.Index(kept, rows[len(rows)-1])
		}
		var before, after bool
		for n, k := range kept {
			upTo, from := w.Bounds(k)
			if len(rows) > 0 {
				before, after = before || n < start, after || n > end
			} else {
				// an empty page: what lies outside the window, or inside it
				// on the side the page did not take
				before = before || upTo || (w.Backward && w.Contains(k))
				after = after || from || (!w.Backward && w.Contains(k))
			}
		}
		if info.HasPreviousPage != before || info.HasNextPage != after || info.TotalCount != len(kept) {
			t.Fatalf("window %+v (%d rows): info %+v, want previous %v next %v", w, len(rows), info, before, after)
		}
		if len(info.Cursors) != len(rows) || (len(rows) > 0 && info.Cursors[0] != o.Encode(rows[0])) {
			t.Fatalf("cursors %v for %v", info.Cursors, rows)
		}
	}
}

// TestEncodeIsJSON: the hand-built cursor record is the JSON json.Marshal
// would write, whatever the strings hold.
func TestEncodeIsJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `quo"te`, `back\slash`, "tab\tnew\nline\x01", "Mütter-Café ☕ \u2028", "bad \xff byte"} {
		for _, sort := range []any{s, int64(-7), 0.1 + 0.2, 1e-7, 12345678.0} {
			o := OrderingOrganisations
			switch sort.(type) {
			case int64:
				o = OrderingAudit
			case float64:
				o = OfferOrdering(OrderDistance, nil)
			}
			raw, _ := base64.RawURLEncoding.DecodeString(o.Encode(Key{Sort: sort, ID: s}))
			var got []any
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatalf("%q: %s is not JSON: %v", s, raw, err)
			}
			want, _ := json.Marshal([]any{cursorVersion, o.Name, sort, s})
			var w []any
			_ = json.Unmarshal(want, &w)
			if fmt.Sprint(got) != fmt.Sprint(w) {
				t.Errorf("%q: %s, want %s", s, raw, want)
			}
			if k, err := o.Decode("after", o.Encode(Key{Sort: sort, ID: "x"})); err != nil || k.Sort != sort && utf8.ValidString(s) {
				t.Errorf("%v: round trip %v, %v", sort, k, err)
			}
		}
	}
}
