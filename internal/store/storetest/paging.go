package storetest

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/store"
)

// Stable paging (keyset cursors): a client pages through a list while others
// write, and still sees every item that nobody touched exactly once, in order.

// pagedList is one connection in one order, as testStablePaging drives it.
// Items are placed by rank: a higher rank comes later in the list's order
// (whatever the order's direction); items 2k and 2k+1 share a rank, so that
// the id breaks ties.
type pagedList struct {
	name   string
	setup  func(t *testing.T, s store.Store)
	add    func(t *testing.T, s store.Store, id string, rank int) // store a new item at rank
	page   func(t *testing.T, s store.Store, p store.Page) ([]string, store.PageInfo)
	move   func(t *testing.T, s store.Store, id string, rank int) // nil: the sort key never changes
	touch  func(t *testing.T, s store.Store, id string)           // a write that keeps the sort key; nil: none
	remove func(t *testing.T, s store.Store, id string)           // nil: items are never deleted
	// addsFirst: add ignores rank and puts the item first (the audit log).
	addsFirst bool
}

func pagingTests() []Test {
	var out []Test
	for _, l := range pagedLists() {
		for _, backward := range []bool{false, true} {
			dir := "Forward"
			if backward {
				dir = "Backward"
			}
			out = append(out, Test{"StablePaging/" + l.name + "/" + dir, func(t *testing.T, s store.Store) { testStablePaging(t, s, l, backward) }})
		}
	}
	return out
}

const (
	pagedItems = 16
	pagedSize  = 3
)

func pagedID(i int) string { return fmt.Sprintf("it-%02d", i) }

// pagingRun is the state of one testStablePaging run.
type pagingRun struct {
	t        *testing.T
	s        store.Store
	l        pagedList
	backward bool
	rank     map[string]int  // every stored item's rank
	changed  map[string]bool // items written while paging
	seen     []string        // in the list's order, whatever the direction
}

// testStablePaging pages through l by pagedSize, forward (first/after) or
// backward (last/before), and between pages writes: an item added on the
// side already seen, the cursor's own item deleted, a seen item moved to the
// side not yet seen and an unseen item to the seen side, an item added ahead.
// Each of these makes an offset cursor repeat or skip an item.
func testStablePaging(t *testing.T, s store.Store, l pagedList, backward bool) {
	r := &pagingRun{t: t, s: s, l: l, backward: backward, rank: map[string]int{}, changed: map[string]bool{}}
	l.setup(t, s)
	for i := range pagedItems {
		if l.addsFirst { // the last added comes first: add the highest rank first
			i = pagedItems - 1 - i
		}
		r.add(pagedID(i), 10*(i/2), false)
	}
	p := store.Page{First: pagedSize, Backward: backward}
	for step := 0; ; step++ {
		ids, info := l.page(t, s, p)
		if len(info.Cursors) != len(ids) || len(ids) > pagedSize {
			t.Fatalf("page %d: %d items, %d cursors", step, len(ids), len(info.Cursors))
		}
		if want := len(r.rank); info.TotalCount != want {
			t.Errorf("page %d: totalCount %d, want %d", step, info.TotalCount, want)
		}
		if (step > 0) != (backward && info.HasNextPage || !backward && info.HasPreviousPage) {
			t.Errorf("page %d: pageInfo %+v: the side already seen is wrong", step, info)
		}
		more := info.HasNextPage
		if backward {
			r.seen, more = append(slices.Clone(ids), r.seen...), info.HasPreviousPage
		} else {
			r.seen = append(r.seen, ids...)
		}
		if !more || len(ids) == 0 {
			break
		}
		if step > pagedItems {
			t.Fatal("paging does not end")
		}
		at := ids[len(ids)-1] // the cursor's item
		p.After = info.Cursors[len(ids)-1]
		if backward {
			at = ids[0]
			p.After, p.Before = "", info.Cursors[0]
		}
		r.write(step, at)
	}
	r.check()
}

func (r *pagingRun) add(id string, rank int, changed bool) {
	r.l.add(r.t, r.s, id, rank)
	r.rank[id], r.changed[id] = rank, changed
}

// write makes the step's write, next to the cursor's item at.
func (r *pagingRun) write(step int, at string) {
	behind := -5 // a rank on the side already seen, next to the cursor
	if r.backward {
		behind = 5
	}
	switch step {
	case 0: // added on the side already seen
		r.add("new-seen", r.rank[at]+behind, true)
	case 1: // the cursor's own item deleted (or, where nothing is deleted, written)
		switch {
		case r.l.remove != nil:
			r.l.remove(r.t, r.s, at)
			delete(r.rank, at)
		case r.l.touch != nil:
			r.l.touch(r.t, r.s, at)
		}
		r.changed[at] = true
	case 2: // a seen item moves to the side not yet seen, an unseen one to the seen side
		seenID, unseenID := pagedID(0), pagedID(pagedItems-1)
		to, from := 10*(pagedItems/2)+5, -5 // beyond every item's rank
		if r.backward {
			seenID, unseenID, to, from = unseenID, seenID, from, to
		}
		for id, rank := range map[string]int{seenID: to, unseenID: from} {
			switch {
			case r.l.move != nil:
				r.l.move(r.t, r.s, id, rank)
				r.rank[id] = rank
			case r.l.touch != nil:
				r.l.touch(r.t, r.s, id)
			}
			r.changed[id] = true
		}
	case 3: // added on the side not yet seen
		r.add("new-ahead", r.rank[at]-behind, true)
	}
}

// check: every item nobody wrote was seen exactly once, in the list's order.
func (r *pagingRun) check() {
	t := r.t
	count := map[string]int{}
	var unchanged []string
	for _, id := range r.seen {
		count[id]++
		if !r.changed[id] && count[id] == 1 {
			unchanged = append(unchanged, id)
		}
	}
	for i := range pagedItems {
		if id := pagedID(i); !r.changed[id] && count[id] != 1 {
			t.Errorf("%s seen %d times, want once (seen: %v)", id, count[id], r.seen)
		}
	}
	for i := 1; i < len(unchanged); i++ {
		if a, b := unchanged[i-1], unchanged[i]; r.rank[a] > r.rank[b] {
			t.Errorf("%s (rank %d) seen before %s (rank %d)", a, r.rank[a], b, r.rank[b])
		}
	}
	written := 0
	for _, w := range r.changed {
		if w {
			written++
		}
	}
	if written < 5 {
		t.Errorf("only %d items written between pages (too few pages?)", written)
	}
}

func pagedLists() []pagedList {
	lists := []pagedList{organisationsPaged(), auditPaged(),
		referralsPaged("referrals", store.ReferralFilter{ToOrganisationID: "org-vhs"}),
		referralsPaged("referralsSent", store.ReferralFilter{FromOrganisationID: "org-awo"})}
	for _, o := range []store.OfferOrder{store.OrderTitle, store.OrderUpdated, store.OrderFreePlaces, store.OrderDistance} {
		lists = append(lists, offersPaged(o))
	}
	return lists
}

// pagedT0 is the time of rank 0 where the sort key is a time.
var pagedT0 = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// offersPaged: offers of one provider in one order; rank sets the title, the
// update time (newer first), the free places (more first) or the distance
// from pCafe (nearer first).
func offersPaged(order store.OfferOrder) pagedList {
	near := &store.Near{Lat: pCafe.Lat, Lon: pCafe.Lon, RadiusKm: 50}
	apply := func(o *directory.Offer, rank int) {
		switch order {
		case store.OrderTitle:
			o.Title = fmt.Sprintf("Angebot %03d", rank+100)
		case store.OrderUpdated:
			o.UpdatedAt = pagedT0.Add(-time.Duration(rank) * time.Minute)
		case store.OrderFreePlaces:
			o.Capacity, o.FreePlaces = intp(1000), intp(500-rank)
		case store.OrderDistance:
			o.Location = &directory.GeoPoint{Lat: pCafe.Lat + 0.0005*float64(rank+10), Lon: pCafe.Lon}
		}
	}
	return pagedList{
		name: "offers." + string(order),
		setup: func(t *testing.T, s store.Store) {
			putBasics(t, s)
			if err := s.CreateOrganisation(t.Context(), fixtureOrganisations()[0]); err != nil {
				t.Fatal(err)
			}
		},
		add: func(t *testing.T, s store.Store, id string, rank int) {
			o := fixtureOffers()[0]
			o.ID, o.Title = id, "Angebot "+id
			apply(&o, rank)
			if err := s.CreateOffer(t.Context(), o); err != nil {
				t.Fatal(err)
			}
		},
		page: func(t *testing.T, s store.Store, p store.Page) ([]string, store.PageInfo) {
			q := store.OfferQuery{Order: order, Page: p}
			if order == store.OrderDistance {
				q.Filter.Near = near
			}
			res, err := s.SearchOffers(t.Context(), q)
			if err != nil {
				t.Fatalf("SearchOffers(%+v): %v", p, err)
			}
			return offerIDs(res.Hits), res.PageInfo
		},
		move: func(t *testing.T, s store.Store, id string, rank int) {
			if err := s.UpdateOffer(t.Context(), id, func(o *directory.Offer) error { apply(o, rank); return nil }); err != nil {
				t.Fatal(err)
			}
		},
		remove: func(t *testing.T, s store.Store, id string) {
			if err := s.DeleteOffer(t.Context(), id); err != nil {
				t.Fatal(err)
			}
		},
	}
}

// organisationsPaged: organisations by name.
func organisationsPaged() pagedList {
	name := func(rank int) string { return fmt.Sprintf("Träger %03d", rank+100) }
	return pagedList{
		name:  "organisations",
		setup: putBasics,
		add: func(t *testing.T, s store.Store, id string, rank int) {
			o := directory.Organisation{ID: id, Name: name(rank), Kind: directory.KindOther, UpdatedAt: pagedT0}
			if err := s.CreateOrganisation(t.Context(), o); err != nil {
				t.Fatal(err)
			}
		},
		page: func(t *testing.T, s store.Store, p store.Page) ([]string, store.PageInfo) {
			res, err := s.Organisations(t.Context(), store.OrganisationFilter{}, p)
			if err != nil {
				t.Fatalf("Organisations(%+v): %v", p, err)
			}
			return orgIDs(res.Organisations), res.PageInfo
		},
		move: func(t *testing.T, s store.Store, id string, rank int) {
			if err := s.UpdateOrganisation(t.Context(), id, func(o *directory.Organisation) error { o.Name = name(rank); return nil }); err != nil {
				t.Fatal(err)
			}
		},
		remove: func(t *testing.T, s store.Store, id string) {
			if err := s.DeleteOrganisation(t.Context(), id); err != nil {
				t.Fatal(err)
			}
		},
	}
}

// auditPaged: the audit log, newest first. Entries are only ever added, and
// always first; setup's entries are written oldest (highest rank) first.
func auditPaged() pagedList {
	n := 0
	return pagedList{
		name:      "audit",
		setup:     func(*testing.T, store.Store) {},
		addsFirst: true,
		add: func(t *testing.T, s store.Store, id string, rank int) {
			n++ // the entry's id is the item's
			e := access.AuditEntry{ID: id, At: pagedT0.Add(time.Duration(n) * time.Second), ActorID: "tok-admin",
				ActorName: "Admin", Role: access.RoleAdmin, Action: "createToken", EntityType: "Token", EntityID: "tok-" + id}
			if err := s.CreateToken(store.WithAudit(t.Context(), e), accToken("tok-"+id, "hash-"+id, pagedT0)); err != nil {
				t.Fatal(err)
			}
		},
		page: func(t *testing.T, s store.Store, p store.Page) ([]string, store.PageInfo) {
			res, err := s.AuditLog(t.Context(), store.AuditFilter{}, p)
			if err != nil {
				t.Fatalf("AuditLog(%+v): %v", p, err)
			}
			return accEntryIDs(res.Entries), res.PageInfo
		},
	}
}

// referralsPaged: referrals, newest first, as a receiver's inbox or a
// sender's outbox (f); the creation time never changes, a status change is
// the write that keeps it.
func referralsPaged(name string, f store.ReferralFilter) pagedList {
	return pagedList{
		name:  name,
		setup: loadFixtures,
		add: func(t *testing.T, s store.Store, id string, rank int) {
			r := refSent(id, offKurs, "org-vhs", "sg-mitte", "Solingen", 0)
			r.CreatedAt = pagedT0.Add(-time.Duration(rank) * time.Hour)
			r.UpdatedAt, r.History[0].At = r.CreatedAt, r.CreatedAt
			createReferrals(t, s, r)
		},
		page: func(t *testing.T, s store.Store, p store.Page) ([]string, store.PageInfo) {
			res, err := s.Referrals(t.Context(), f, p)
			if err != nil {
				t.Fatalf("Referrals(%+v): %v", p, err)
			}
			ids := []string{}
			for _, r := range res.Referrals {
				ids = append(ids, r.ID)
			}
			return ids, res.PageInfo
		},
		touch: func(t *testing.T, s store.Store, id string) {
			_, err := s.UpdateReferral(t.Context(), id, func(old referral.Referral) (referral.Referral, error) {
				return referral.Apply(old, referral.Change{To: referral.StatusAccepted, Side: referral.Receiver,
					At: old.CreatedAt.Add(time.Hour), Role: access.RolePartner, OrganisationID: old.ToOrganisationID})
			})
			if err != nil {
				t.Fatal(err)
			}
		},
	}
}
