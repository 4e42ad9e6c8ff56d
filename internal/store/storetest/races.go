package storetest

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Races: writes that meet at the same moment must keep the store's rules, not
// only writes that come one after the other.
func raceTests() []Test {
	return append([]Test{
		{"ConcurrentCreateSameOfferID", testConcurrentCreateSameOfferID},
		{"ConcurrentCreateSameOrganisationID", testConcurrentCreateSameOrganisationID},
	}, mirrorTests()...) // with the mirror tests, so that Run's list stays as it is
}

const racers = 8

// race runs create(i) for i in [0, racers) at once and returns their errors.
func race(create func(i int) error) []error {
	errs := make([]error, racers)
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < racers; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			<-start
			errs[i] = create(i)
		}(i)
	}
	close(start)
	wg.Wait()
	return errs
}

// oneWinner checks that exactly one create succeeded and every other one is
// a *store.Conflict on "id"; it returns the winner's index.
func oneWinner(t *testing.T, errs []error) int {
	t.Helper()
	winner := -1
	for i, err := range errs {
		var c *store.Conflict
		switch {
		case err == nil && winner >= 0:
			t.Errorf("creates %d and %d both succeeded with the same id (one overwrote the other)", winner, i)
		case err == nil:
			winner = i
		case !errors.As(err, &c) || c.Field != "id":
			t.Errorf("create %d: %v, want a *store.Conflict on id", i, err)
		}
	}
	if winner < 0 {
		t.Fatalf("no create succeeded: %v", errs)
	}
	return winner
}

func testConcurrentCreateSameOfferID(t *testing.T, s store.Store) {
	putBasics(t, s)
	if err := s.CreateOrganisation(t.Context(), fixtureOrganisations()[0]); err != nil {
		t.Fatal(err)
	}
	base := fixtureOffers()[0]
	base.ID = "race-offer"
	errs := race(func(i int) error {
		o := base
		o.Title = fmt.Sprintf("Bewerbung %d", i)
		return s.CreateOffer(t.Context(), o)
	})
	w := oneWinner(t, errs)
	got, err := s.OffersByID(t.Context(), []string{base.ID})
	if err != nil || len(got) != 1 {
		t.Fatalf("OffersByID = %v, %v", got, err)
	}
	if want := fmt.Sprintf("Bewerbung %d", w); got[0].Title != want {
		t.Errorf("stored title %q, want the winner's %q", got[0].Title, want)
	}
	if c := mustCounts(t, s); c.Offers != 1 {
		t.Errorf("Counts.Offers = %d, want 1", c.Offers)
	}
}

func testConcurrentCreateSameOrganisationID(t *testing.T, s store.Store) {
	putBasics(t, s)
	base := fixtureOrganisations()[0]
	base.ID = "race-org"
	errs := race(func(i int) error {
		o := base
		o.Name = fmt.Sprintf("Träger %d", i)
		o.Kind = []directory.OrganisationKind{directory.KindWelfareAssociation, directory.KindMosque}[i%2]
		return s.CreateOrganisation(t.Context(), o)
	})
	w := oneWinner(t, errs)
	got, err := s.OrganisationsByID(t.Context(), []string{base.ID})
	if err != nil || len(got) != 1 {
		t.Fatalf("OrganisationsByID = %v, %v", got, err)
	}
	if want := fmt.Sprintf("Träger %d", w); got[0].Name != want {
		t.Errorf("stored name %q, want the winner's %q", got[0].Name, want)
	}
}
