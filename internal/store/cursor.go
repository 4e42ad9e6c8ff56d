package store

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
)

// Keyset paging. A cursor names an item by its position in an ordered result,
// its sort key and id, not by its offset: a page that starts after a cursor
// starts after that position whatever was written in between, so an item
// inserted, updated or deleted elsewhere never makes a later page repeat or
// skip an item that did not change. Backends answer a Window with a range
// predicate on (sort key, id) and a LIMIT; the index decorator can answer it
// with Paginate over a sorted slice. This file is that one place; it does no I/O.

// cursorVersion heads every cursor. A new cursor layout gets a new version, so
// that an old cursor is refused by name rather than misread.
const cursorVersion = "k1"

// offsetCursorPrefix headed the offset cursors of earlier releases.
const offsetCursorPrefix = "lotse:"

// Key is an item's position in an ordered result: its sort key and its id.
// Sort is a string, an int64 or a float64, as the Ordering says.
type Key struct {
	Sort any
	ID   string
}

// keyType is the Go type of an ordering's sort key.
type keyType int

const (
	keyString keyType = iota
	keyInt
	keyFloat
)

// Ordering is one order of one connection: the key's type and directions,
// and the name cursors carry, so that a cursor of another list, order or
// scope (the centre of a DISTANCE order) is refused rather than misread.
type Ordering struct {
	Name     string // e.g. "offers.TITLE"; with the scope for DISTANCE
	SortDesc bool   // the sort key descends
	IDDesc   bool   // ties are broken by descending id
	keyType  keyType
}

// The orderings of the connections. Every sort key is a value stored with
// the item (or computed from it and the query alone), so that an item keeps
// its position until it is itself written; ties are broken by id, which is
// unique, so the order is total.
var (
	// OrderingOrganisations: name, then id (both ascending).
	OrderingOrganisations = Ordering{Name: "organisations", keyType: keyString}
	// OrderingAudit: newest first, by the entry's sequence number (commit
	// order; the time of an entry is not unique and need not be monotonic).
	OrderingAudit = Ordering{Name: "audit", SortDesc: true, IDDesc: true, keyType: keyInt}
	// OrderingReferrals: newest first, by creation time then id, both descending.
	OrderingReferrals = Ordering{Name: "referrals", SortDesc: true, IDDesc: true, keyType: keyString}
)

// OfferOrdering is the ordering of an offer search: TITLE by title;
// UPDATED_AT by the stored update time, newest first; FREE_PLACES by free
// places, most first, unknown (-1) last; DISTANCE by the distance from the
// query's centre, nearest first, which is a stable key only for that centre,
// so the centre is part of the ordering's name. Ties by ascending id.
func OfferOrdering(order OfferOrder, near *Near) Ordering {
	switch order {
	case OrderUpdated:
		return Ordering{Name: "offers.UPDATED_AT", SortDesc: true, keyType: keyString}
	case OrderFreePlaces:
		return Ordering{Name: "offers.FREE_PLACES", SortDesc: true, keyType: keyInt}
	case OrderDistance:
		name := "offers.DISTANCE"
		if near != nil {
			name += "@" + strconv.FormatFloat(near.Lat, 'g', -1, 64) + "," + strconv.FormatFloat(near.Lon, 'g', -1, 64)
		}
		return Ordering{Name: name, keyType: keyFloat}
	default:
		return Ordering{Name: "offers.TITLE", keyType: keyString}
	}
}

// OfferKey is a search hit's key in the ordering of order.
func OfferKey(order OfferOrder, h OfferHit) Key {
	o := h.Offer
	k := Key{ID: o.ID}
	switch order {
	case OrderUpdated:
		k.Sort = TimeText(o.UpdatedAt)
	case OrderFreePlaces:
		k.Sort = int64(-1)
		if o.FreePlaces != nil {
			k.Sort = int64(*o.FreePlaces)
		}
	case OrderDistance:
		k.Sort = math.Inf(1)
		if h.DistanceKm != nil {
			k.Sort = *h.DistanceKm
		}
	default:
		k.Sort = o.Title
	}
	return k
}

// OrganisationKey is an organisation's key in OrderingOrganisations.
func OrganisationKey(o directory.Organisation) Key { return Key{Sort: o.Name, ID: o.ID} }

// AuditKey is an audit entry's key in OrderingAudit.
func AuditKey(seq int64, id string) Key { return Key{Sort: seq, ID: id} }

// Compare orders a and b in o: negative when a comes first.
func (o Ordering) Compare(a, b Key) int {
	c := compareSort(a.Sort, b.Sort)
	if o.SortDesc {
		c = -c
	}
	if c != 0 {
		return c
	}
	c = strings.Compare(a.ID, b.ID)
	if o.IDDesc {
		c = -c
	}
	return c
}

func compareSort(a, b any) int {
	switch a := a.(type) {
	case string:
		return strings.Compare(a, b.(string))
	case int64:
		return cmp.Compare(a, b.(int64))
	case float64:
		return cmp.Compare(a, b.(float64))
	}
	return 0
}

// Encode is the cursor of the item with key k: base64url of a JSON array
// [version, ordering, sort key, id]. Clients treat it as opaque. (Built by
// hand: a page encodes one per item, and json.Marshal of the array cost
// more than the rest of an indexed search's page.)
func (o Ordering) Encode(k Key) string {
	b := make([]byte, 0, 64)
	b = append(b, `["`+cursorVersion+`",`...)
	b = appendJSONString(b, o.Name)
	b = append(b, ',')
	switch v := k.Sort.(type) {
	case string:
		b = appendJSONString(b, v)
	case int64:
		b = strconv.AppendInt(b, v, 10)
	case float64:
		if math.IsInf(v, 1) {
			b = append(b, `"inf"`...) // JSON has no infinity; an offer without distance sorts last
		} else {
			b = strconv.AppendFloat(b, v, 'g', -1, 64) // the shortest text that reads back exactly
		}
	default:
		b = append(b, "null"...)
	}
	b = append(b, ',')
	b = appendJSONString(b, k.ID)
	b = append(b, ']')
	return base64.RawURLEncoding.EncodeToString(b)
}

// appendJSONString appends s as a JSON string.
func appendJSONString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		q, _ := json.Marshal(s) // replaces invalid bytes, as decoding would
		return append(b, q...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, `\u00`...)
			b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// Decode reads a cursor of o; the error names field ("after", "before").
func (o Ordering) Decode(field, c string) (Key, error) {
	bad := func(why string) (Key, error) {
		return Key{}, &directory.ValidationError{Problems: []directory.FieldError{{Field: field, Message: why}}}
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(c, "="))
	if err != nil {
		return bad(fmt.Sprintf("%q is not a cursor of this API", c))
	}
	if strings.HasPrefix(string(raw), offsetCursorPrefix) {
		return bad("an offset cursor of an earlier release; cursors are keyset cursors now: start again from the first page")
	}
	var parts []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&parts); err != nil || len(parts) != 4 {
		return bad(fmt.Sprintf("%q is not a cursor of this API", c))
	}
	var version, name, id string
	if json.Unmarshal(parts[0], &version) != nil || version != cursorVersion {
		return bad(fmt.Sprintf("%q is a cursor of another version of this API", c))
	}
	if json.Unmarshal(parts[1], &name) != nil || json.Unmarshal(parts[3], &id) != nil || id == "" {
		return bad(fmt.Sprintf("%q is not a cursor of this API", c))
	}
	if name != o.Name {
		return bad(fmt.Sprintf("a cursor of %s, not of %s: cursors belong to the list, order and centre they came from", name, o.Name))
	}
	sort, ok := o.decodeSort(parts[2])
	if !ok {
		return bad(fmt.Sprintf("%q is not a cursor of this API", c))
	}
	return Key{Sort: sort, ID: id}, nil
}

func (o Ordering) decodeSort(raw json.RawMessage) (any, bool) {
	switch o.keyType {
	case keyString:
		var s string
		return s, json.Unmarshal(raw, &s) == nil
	case keyInt:
		var n int64
		return n, json.Unmarshal(raw, &n) == nil
	default:
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return math.Inf(1), s == "inf"
		}
		var f float64
		return f, json.Unmarshal(raw, &f) == nil
	}
}

// Window is a Page decoded for one ordering: the items after After and
// before Before (nil: open), of which the first Limit, or with Backward the
// last Limit. A backend fetches Limit+1 rows in the window, in the ordering's
// direction or (Backward) against it, and hands them to FinishPage.
type Window struct {
	Ordering
	After, Before *Key
	Limit         int
	Backward      bool
}

// Window validates p and decodes its cursors for o; problems are named
// "first"/"last", "after" and "before".
func (p Page) Window(o Ordering) (Window, error) {
	pr := directory.NewProblems()
	size := "first"
	if p.Backward {
		size = "last"
	}
	if p.First < 0 || p.First > MaxPageSize {
		pr.Add(size, "must be between 0 and %d", MaxPageSize)
	}
	w := Window{Ordering: o, Limit: p.First, Backward: p.Backward}
	for _, c := range []struct {
		field, cursor string
		key           **Key
	}{{"after", p.After, &w.After}, {"before", p.Before, &w.Before}} {
		if c.cursor == "" {
			continue
		}
		k, err := o.Decode(c.field, c.cursor)
		if err != nil {
			pr.Add(c.field, "%s", err.(*directory.ValidationError).Problems[0].Message)
			continue
		}
		*c.key = &k
	}
	return w, pr.Err()
}

// Fetch is how many rows a backend reads: one more than the page, to learn
// whether there are more in the direction of reading; without cursors the
// window is the whole result, whose total says that, so no more than the page.
func (w Window) Fetch() int {
	if w.open() {
		return w.Limit
	}
	return w.Limit + 1
}

func (w Window) open() bool { return w.After == nil && w.Before == nil }

// Contains says whether k lies strictly inside the window's cursors.
func (w Window) Contains(k Key) bool {
	return (w.After == nil || w.Compare(k, *w.After) > 0) && (w.Before == nil || w.Compare(k, *w.Before) < 0)
}

// Bounds reports, for an item outside the window, on which side it lies:
// upTo: at or before After; from: at or after Before.
func (w Window) Bounds(k Key) (upTo, from bool) {
	return w.After != nil && w.Compare(k, *w.After) <= 0, w.Before != nil && w.Compare(k, *w.Before) >= 0
}

// Edges tells a page's facts apart from its rows.
type Edges struct {
	// Total counts the whole result, the window's cursors aside.
	Total int
	// UpToAfter: some item of the result lies at or before After.
	UpToAfter bool
	// FromBefore: some item of the result lies at or after Before.
	FromBefore bool
}

// FinishPage turns the rows a backend fetched for w (at most w.Fetch(), in
// the direction of reading) into the page, in the ordering's direction, and
// its PageInfo. key gives each row's Key, for the cursors.
// hasNextPage and hasPreviousPage say whether the whole result (not only
// the window) has items after the page's end and before its start.
func FinishPage[T any](w Window, rows []T, e Edges, key func(T) Key) ([]T, PageInfo) {
	if rows == nil {
		rows = []T{} // the schema's lists are non-null
	}
	more := len(rows) > w.Limit || (w.open() && e.Total > w.Limit)
	if more {
		rows = rows[:w.Limit]
	}
	info := PageInfo{TotalCount: e.Total, HasPreviousPage: e.UpToAfter, HasNextPage: e.FromBefore}
	if w.Backward {
		slices.Reverse(rows)
		info.HasPreviousPage = info.HasPreviousPage || more
	} else {
		info.HasNextPage = info.HasNextPage || more
	}
	info.Cursors = make([]string, len(rows))
	for i, r := range rows {
		info.Cursors[i] = w.Encode(key(r))
	}
	return rows, info
}

// Paginate answers w from the whole result, already sorted in w's ordering
// (an in-memory index): the same page a backend gives.
func Paginate[T any](w Window, sorted []T, key func(T) Key) ([]T, PageInfo) {
	lo, hi := 0, len(sorted)
	if w.After != nil {
		lo, _ = slices.BinarySearchFunc(sorted, *w.After, func(t T, k Key) int {
			if w.Compare(key(t), k) <= 0 {
				return -1
			}
			return 1
		})
	}
	if w.Before != nil {
		hi, _ = slices.BinarySearchFunc(sorted, *w.Before, func(t T, k Key) int { return w.Compare(key(t), k) })
	}
	e := Edges{Total: len(sorted), UpToAfter: lo > 0, FromBefore: hi < len(sorted)}
	in := sorted[lo:max(hi, lo)] // Before at or before After: an empty window
	var rows []T
	if w.Backward {
		rows = slices.Clone(in[max(0, len(in)-w.Fetch()):])
		slices.Reverse(rows)
	} else {
		rows = slices.Clone(in[:min(len(in), w.Fetch())])
	}
	return FinishPage(w, rows, e, key)
}

// AfterKey and BeforeKey are a side's sort key and id as statement
// parameters: nil, nil when that side is open.
func (w Window) AfterKey() (sort, id any)  { return keyParams(w.After) }
func (w Window) BeforeKey() (sort, id any) { return keyParams(w.Before) }

func keyParams(k *Key) (any, any) {
	if k == nil {
		return nil, nil
	}
	return k.Sort, k.ID
}

// AuditRow is an audit entry as a backend reads it, with its sequence number.
type AuditRow struct {
	Seq   int64
	Entry access.AuditEntry
}

// AuditPageOf finishes a page of the audit log from the rows fetched for w.
func AuditPageOf(w Window, rows []AuditRow, e Edges) AuditPage {
	rows, info := FinishPage(w, rows, e, func(r AuditRow) Key { return AuditKey(r.Seq, r.Entry.ID) })
	page := AuditPage{Entries: make([]access.AuditEntry, len(rows)), PageInfo: info}
	for i, r := range rows {
		page.Entries[i] = r.Entry
	}
	return page
}

// ReferralKey is a referral's key in OrderingReferrals.
func ReferralKey(r referral.Referral) Key { return Key{Sort: TimeText(r.CreatedAt), ID: r.ID} }

// ReferralPageOf finishes a page of referrals from the rows fetched for w.
func ReferralPageOf(w Window, rows []referral.Referral, e Edges) ReferralPage {
	rows, info := FinishPage(w, rows, e, ReferralKey)
	return ReferralPage{Referrals: rows, PageInfo: info}
}
