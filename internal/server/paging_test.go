package server_test

import (
	"slices"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

type pageOut struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Edges []struct {
		Cursor string
		Node   struct{ ID string }
	}
}

func (p pageOut) ids() []string {
	out := []string{}
	for _, e := range p.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

const pagedOffers = `query($first: Int, $after: String, $last: Int, $before: String) {
  offers(filter: {municipality: "Solingen", needs: [HOUSING]}, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }`

// pageArgs leaves out the arguments that are nil, so that the schema's
// default of first stays a default.
func pageArgs(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

// TestLastBeforePaging: last/before pages are the matching slices of the
// forward order, with pageInfo to match, on offers and the other connections.
func TestLastBeforePaging(t *testing.T) {
	e := newEnv(t)
	var all struct{ Offers pageOut }
	e.ok(access.RolePublic, pagedOffers, pageArgs("first", 500), &all)
	ids := all.Offers.ids()
	n := len(ids)
	if n < 12 || all.Offers.TotalCount != n {
		t.Fatalf("fixture: %d offers (total %d), want at least 12", n, all.Offers.TotalCount)
	}
	get := func(vars map[string]any) pageOut {
		t.Helper()
		var d struct{ Offers pageOut }
		e.ok(access.RolePublic, pagedOffers, vars, &d)
		return d.Offers
	}

	// last alone: the end of the result (first's default of 20 does not count).
	p := get(pageArgs("last", 5))
	if !slices.Equal(p.ids(), ids[n-5:]) || p.PageInfo.HasNextPage || !p.PageInfo.HasPreviousPage || p.TotalCount != n {
		t.Errorf("last 5 = %v %+v, want %v", p.ids(), p.PageInfo, ids[n-5:])
	}
	// last/before: the items just before a cursor.
	before := all.Offers.Edges[10].Cursor
	p = get(pageArgs("last", 3, "before", before))
	if !slices.Equal(p.ids(), ids[7:10]) || !p.PageInfo.HasNextPage || !p.PageInfo.HasPreviousPage {
		t.Errorf("last 3 before #10 = %v %+v, want %v", p.ids(), p.PageInfo, ids[7:10])
	}
	p = get(pageArgs("last", 50, "before", all.Offers.Edges[2].Cursor))
	if !slices.Equal(p.ids(), ids[:2]) || p.PageInfo.HasPreviousPage {
		t.Errorf("last 50 before #2 = %v %+v, want the first two", p.ids(), p.PageInfo)
	}
	// Walking backwards from the end visits everything once, in reverse.
	var back []string
	cursor := ""
	for range n {
		vars := pageArgs("last", 4)
		if cursor != "" {
			vars["before"] = cursor
		}
		p := get(vars)
		back = append(p.ids(), back...)
		if !p.PageInfo.HasPreviousPage {
			break
		}
		cursor = *p.PageInfo.StartCursor
	}
	if !slices.Equal(back, ids) {
		t.Errorf("backward walk = %d offers, want the forward order of %d", len(back), n)
	}
	// first with before, and after with before: slices between cursors.
	p = get(pageArgs("first", 2, "before", all.Offers.Edges[10].Cursor))
	if !slices.Equal(p.ids(), ids[:2]) {
		t.Errorf("first 2 before #10 = %v", p.ids())
	}
	p = get(pageArgs("after", all.Offers.Edges[3].Cursor, "before", all.Offers.Edges[7].Cursor))
	if !slices.Equal(p.ids(), ids[4:7]) {
		t.Errorf("after #3 before #7 = %v, want %v", p.ids(), ids[4:7])
	}
	// Both first and last given: first cuts, then last (Relay's algorithm).
	p = get(pageArgs("first", 6, "last", 2))
	if !slices.Equal(p.ids(), ids[4:6]) {
		t.Errorf("first 6 last 2 = %v, want %v", p.ids(), ids[4:6])
	}

	// Bad arguments are named.
	for _, c := range []struct {
		vars map[string]any
		want string
	}{
		{pageArgs("last", -1), "BAD_USER_INPUT last"},
		{pageArgs("last", 501), "BAD_USER_INPUT last"},
		{pageArgs("last", 2, "before", "nope"), "BAD_USER_INPUT before"},
	} {
		r := e.do(access.RolePublic, pagedOffers, c.vars)
		if got := codes(r); len(got) != 1 || got[0] != c.want {
			t.Errorf("%v: %v, want %s", c.vars, got, c.want)
		}
	}

	// The other connections take last too.
	var o struct{ Organisations, All pageOut }
	e.ok(access.RolePublic, `{ All: organisations(first: 500) { totalCount edges { node { id } } }
		Organisations: organisations(last: 2) { totalCount edges { node { id } } } }`, nil, &o)
	if m := len(o.All.Edges); m < 2 || !slices.Equal(o.Organisations.ids(), o.All.ids()[m-2:]) {
		t.Errorf("organisations(last: 2) = %v", o.Organisations.ids())
	}
	e.newOrganisation("org-paging-1")
	e.newOrganisation("org-paging-2")
	var a struct{ AuditLog, All pageOut }
	e.ok(access.RoleAdmin, `{ All: auditLog(first: 500) { edges { node { id } } } AuditLog: auditLog(last: 1) { edges { node { id } } } }`, nil, &a)
	if m := len(a.All.Edges); m < 2 || !slices.Equal(a.AuditLog.ids(), a.All.ids()[m-1:]) {
		t.Errorf("auditLog(last: 1) = %v, want the oldest entry", a.AuditLog.ids())
	}
	e.newReferral()
	e.newReferral()
	var rf struct{ Referrals, All pageOut }
	e.ok(access.RoleCaseManager, `{ All: referrals(first: 500) { edges { node { id } } } Referrals: referrals(last: 1) { edges { node { id } } } }`, nil, &rf)
	if m := len(rf.All.Edges); m < 2 || !slices.Equal(rf.Referrals.ids(), rf.All.ids()[m-1:]) {
		t.Errorf("referrals(last: 1) = %v of %v", rf.Referrals.ids(), rf.All.ids())
	}
}

// TestForeignCursorsRefused: an offset cursor of an earlier release, a cursor
// of another connection and one of another order are BAD_USER_INPUT naming
// after or before, over HTTP.
func TestForeignCursorsRefused(t *testing.T) {
	e := newEnv(t)
	var orgs struct{ Organisations pageOut }
	e.ok(access.RolePublic, `{ organisations(first: 1) { edges { cursor node { id } } } }`, nil, &orgs)
	var upd struct{ Offers pageOut }
	e.ok(access.RolePublic, `{ offers(first: 1, orderBy: UPDATED_AT) { edges { cursor node { id } } } }`, nil, &upd)
	if len(orgs.Organisations.Edges) == 0 || len(upd.Offers.Edges) == 0 {
		t.Fatal("fixture: no organisation or offer")
	}
	offset := "bG90c2U6MQ" // base64url("lotse:1"), an offset cursor of the release before
	for _, c := range []struct {
		vars map[string]any
		want string
	}{
		{pageArgs("first", 2, "after", offset), "BAD_USER_INPUT after"},
		{pageArgs("last", 2, "before", offset), "BAD_USER_INPUT before"},
		{pageArgs("first", 2, "after", orgs.Organisations.Edges[0].Cursor), "BAD_USER_INPUT after"},
		{pageArgs("first", 2, "after", upd.Offers.Edges[0].Cursor), "BAD_USER_INPUT after"}, // an UPDATED_AT cursor with TITLE
	} {
		r := e.do(access.RolePublic, pagedOffers, c.vars)
		if got := codes(r); len(got) != 1 || got[0] != c.want {
			t.Errorf("%v: %v, want %s", c.vars, got, c.want)
		}
	}
}
