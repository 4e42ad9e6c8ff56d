package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// updateTests cover the updater form of UpdateOffer and UpdateOrganisation:
// read, patch and write in one transaction.
func updateTests() []Test {
	return []Test{
		{"UpdateConcurrentPartialUpdates", testConcurrentPartialUpdates},
		{"UpdateAbortedByUpdater", testUpdateAborted},
		{"UpdateOrganisationConcurrent", testConcurrentOrganisationUpdates},
	}
}

// auditedPatch runs one partial update that records in its pending audit
// entry what it changed, from the read of the same transaction (the Diff
// holds JSON values, so text is quoted).
func auditedPatch(ctx context.Context, s store.Store, id string, n int, patch func(*directory.Offer)) error {
	e := &access.AuditEntry{ID: fmt.Sprintf("aud-%s-%04d", id, n), At: day(2025, 1, 1), ActorID: "cli",
		ActorName: "cli", Role: access.RoleAdmin, Action: "updateOffer", EntityType: "Offer", EntityID: id}
	return s.UpdateOffer(store.WithPendingAudit(ctx, e), id, func(o *directory.Offer) error {
		old := o.Clone()
		patch(o)
		e.Changes = access.Diff(old, *o)
		return nil
	})
}

// Two writers × 200 partial updates of different fields of one offer, at the
// same time: afterwards each field holds its writer's last value, and every
// audit entry's old value is the value the writer's previous update wrote.
func testConcurrentPartialUpdates(t *testing.T, s store.Store) {
	putBasics(t, s)
	if err := s.CreateOrganisation(t.Context(), fixtureOrganisations()[0]); err != nil {
		t.Fatal(err)
	}
	base := fixtureOffers()[0]
	base.Title, base.Schedule = "title -1", "schedule -1"
	if err := s.CreateOffer(t.Context(), base); err != nil {
		t.Fatal(err)
	}
	const each = 200
	writers := []struct {
		field string
		patch func(o *directory.Offer, i int)
	}{
		{"title", func(o *directory.Offer, i int) { o.Title = fmt.Sprintf("title %d", i) }},
		{"schedule", func(o *directory.Offer, i int) { o.Schedule = fmt.Sprintf("schedule %d", i) }},
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(writers)*each)
	for w, wr := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				if err := auditedPatch(t.Context(), s, base.ID, w*each+i, func(o *directory.Offer) { wr.patch(o, i) }); err != nil {
					errs <- fmt.Errorf("%s %d: %w", wr.field, i, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, _ := getOffer(t, s, base.ID)
	if got.Title != "title 199" || got.Schedule != "schedule 199" {
		t.Errorf("after the concurrent updates: title %q, schedule %q; want title 199, schedule 199", got.Title, got.Schedule)
	}
	page, err := s.AuditLog(t.Context(), store.AuditFilter{EntityID: base.ID}, store.Page{First: store.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Entries) != len(writers)*each {
		t.Fatalf("audit entries = %d, want %d", len(page.Entries), len(writers)*each)
	}
	for _, e := range page.Entries {
		var n int
		fmt.Sscanf(e.ID[len(e.ID)-4:], "%d", &n)
		wr, i := writers[n/each], n%each
		want := []access.FieldChange{{Field: wr.field, Old: fmt.Sprintf("\"%s %d\"", wr.field, i-1), New: fmt.Sprintf("\"%s %d\"", wr.field, i)}}
		if len(e.Changes) != 1 || e.Changes[0] != want[0] {
			t.Errorf("audit entry %s: changes %+v, want %+v", e.ID, e.Changes, want)
		}
	}
}

// An error from the update function aborts the transaction: nothing is
// written, not even the audit entry, and the error comes back as it is. An
// unknown id is a *NotFound on "id" without a call of the function.
func testUpdateAborted(t *testing.T, s store.Store) {
	putBasics(t, s)
	org := fixtureOrganisations()[0]
	if err := s.CreateOrganisation(t.Context(), org); err != nil {
		t.Fatal(err)
	}
	off := fixtureOffers()[0]
	if err := s.CreateOffer(t.Context(), off); err != nil {
		t.Fatal(err)
	}
	refuse := errors.New("refused")
	ctx := store.WithAudit(t.Context(), access.AuditEntry{ID: "aud-refused", At: day(2025, 1, 1), ActorID: "cli", Role: access.RoleAdmin,
		Action: "updateOffer", EntityType: "Offer", EntityID: off.ID})
	err := s.UpdateOffer(ctx, off.ID, func(o *directory.Offer) error { o.Title = "changed"; return refuse })
	if !errors.Is(err, refuse) {
		t.Errorf("UpdateOffer with a refusing updater: %v, want %v", err, refuse)
	}
	err = s.UpdateOrganisation(ctx, org.ID, func(o *directory.Organisation) error { o.Name = "changed"; return refuse })
	if !errors.Is(err, refuse) {
		t.Errorf("UpdateOrganisation with a refusing updater: %v, want %v", err, refuse)
	}
	gotOff, _ := getOffer(t, s, off.ID)
	sameOffer(t, "after a refused update", gotOff, off)
	gotOrg, _ := getOrg(t, s, org.ID)
	sameOrg(t, "after a refused update", gotOrg, org)
	if page, err := s.AuditLog(t.Context(), store.AuditFilter{}, store.Page{First: 10}); err != nil || len(page.Entries) != 0 {
		t.Errorf("audit after refused updates: %d entries, %v; want none", len(page.Entries), err)
	}

	called := false
	err = s.UpdateOffer(t.Context(), "off-missing", func(*directory.Offer) error { called = true; return nil })
	wantNotFound(t, "UpdateOffer(missing)", err, "id")
	err = s.UpdateOrganisation(t.Context(), "org-missing", func(*directory.Organisation) error { called = true; return nil })
	wantNotFound(t, "UpdateOrganisation(missing)", err, "id")
	if called {
		t.Error("the update function was called for a missing record")
	}
}

// Concurrent partial updates of one organisation keep every field too.
func testConcurrentOrganisationUpdates(t *testing.T, s store.Store) {
	putBasics(t, s)
	org := fixtureOrganisations()[0]
	if err := s.CreateOrganisation(t.Context(), org); err != nil {
		t.Fatal(err)
	}
	const each = 50
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				err := s.UpdateOrganisation(t.Context(), org.ID, func(o *directory.Organisation) error {
					if w == 0 {
						o.Phone = fmt.Sprintf("0212 %d", i)
					} else {
						o.Email = fmt.Sprintf("info%d@example.org", i)
					}
					return nil
				})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got, _ := getOrg(t, s, org.ID)
	if got.Phone != fmt.Sprintf("0212 %d", each-1) || got.Email != fmt.Sprintf("info%d@example.org", each-1) {
		t.Errorf("after the concurrent updates: phone %q, email %q", got.Phone, got.Email)
	}
}
