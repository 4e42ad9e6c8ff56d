package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func privacyTests() []Test {
	return []Test{
		{"ConfidentialPlacesRoundTrip", testConfidentialRoundTrip},
		{"RestrictedSearch", testRestrictedSearch},
	}
}

// privacyOffers adds a confidential shelter and a PROFESSIONAL offer to the
// fixtures, both of org-awo, next to the Mütter-Café.
func privacyOffers(t *testing.T, s store.Store) (shelter, pro directory.Offer) {
	t.Helper()
	loadFixtures(t, s)
	shelter = fixtureOffers()[0]
	shelter.ID, shelter.Title, shelter.Address = "off-frauenhaus", "Frauenhaus Schutzwohnung", "Geheimweg 7"
	shelter.ConfidentialAddress = true
	pro = fixtureOffers()[0]
	pro.ID, pro.Title, pro.Visibility = "off-fallberatung", "Fallberatung für Fachkräfte", directory.VisibilityProfessional
	for _, o := range []directory.Offer{shelter, pro} {
		if err := s.CreateOffer(context.Background(), o); err != nil {
			t.Fatal(err)
		}
	}
	return shelter, pro
}

func testConfidentialRoundTrip(t *testing.T, s store.Store) {
	shelter, pro := privacyOffers(t, s)
	got, err := s.OffersByID(context.Background(), []string{shelter.ID, pro.ID})
	if err != nil || len(got) != 2 {
		t.Fatalf("OffersByID: %v, %v", got, err)
	}
	byID := map[string]directory.Offer{got[0].ID: got[0], got[1].ID: got[1]}
	if o := byID[shelter.ID]; !o.ConfidentialAddress || o.Address != "Geheimweg 7" || o.Location == nil || o.Visibility.Or() != directory.VisibilityPublic {
		t.Errorf("shelter read back as %+v", o)
	}
	if o := byID[pro.ID]; o.Visibility != directory.VisibilityProfessional || o.ConfidentialAddress {
		t.Errorf("professional offer read back as %+v", o)
	}
	org := fixtureOrganisations()[0]
	org.ID, org.ConfidentialAddress = "org-frauenhaus", true
	if err := s.CreateOrganisation(context.Background(), org); err != nil {
		t.Fatal(err)
	}
	orgs, err := s.OrganisationsByID(context.Background(), []string{org.ID})
	if err != nil || len(orgs) != 1 || !orgs[0].ConfidentialAddress {
		t.Errorf("confidential organisation read back as %+v, %v", orgs, err)
	}
	snap, err := s.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range snap.Offers {
		if o.ID == shelter.ID && !o.ConfidentialAddress || o.ID == pro.ID && o.Visibility != directory.VisibilityProfessional {
			t.Errorf("export lost the privacy of %s: %+v", o.ID, o)
		}
	}
}

// A restricted search finds no PROFESSIONAL offer and no confidential place
// by radius, except the own organisation's; a district or text search
// still finds the shelter (the service then hides its address).
func testRestrictedSearch(t *testing.T, s store.Store) {
	shelter, pro := privacyOffers(t, s)
	ctx := context.Background()
	ids := func(f store.OfferFilter, order store.OfferOrder) []string {
		t.Helper()
		page, err := s.SearchOffers(ctx, store.OfferQuery{Filter: f, Order: order, Page: store.Page{First: 100}})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range page.Hits {
			out = append(out, h.Offer.ID)
		}
		if page.TotalCount != len(out) {
			t.Errorf("total %d, %d hits", page.TotalCount, len(out))
		}
		return out
	}
	near := &store.Near{Lat: shelter.Location.Lat, Lon: shelter.Location.Lon, RadiusKm: 1}
	for _, c := range []struct {
		name          string
		f             store.OfferFilter
		order         store.OfferOrder
		shelter, prof bool
	}{
		{"unrestricted near", store.OfferFilter{Near: near}, store.OrderDistance, true, true},
		{"restricted near by distance", store.OfferFilter{Near: near, Restricted: true}, store.OrderDistance, false, false},
		{"restricted near by title", store.OfferFilter{Near: near, Restricted: true}, store.OrderTitle, false, false},
		{"restricted district", store.OfferFilter{DistrictIDs: []string{"sg-mitte"}, Restricted: true}, store.OrderTitle, true, false},
		{"restricted text", store.OfferFilter{Text: "frauenhaus", Restricted: true}, store.OrderTitle, true, false},
		{"own organisation near", store.OfferFilter{Near: near, Restricted: true, OwnOrganisation: "org-awo"}, store.OrderDistance, true, true},
		{"other partner near", store.OfferFilter{Near: near, Restricted: true, OwnOrganisation: "org-vhs"}, store.OrderDistance, false, false},
	} {
		got := ids(c.f, c.order)
		if slices.Contains(got, shelter.ID) != c.shelter || slices.Contains(got, pro.ID) != c.prof {
			t.Errorf("%s: hits %v; want shelter %v, professional %v", c.name, got, c.shelter, c.prof)
		}
		if c.f.Text == "" && !slices.Contains(got, offCafe) {
			t.Errorf("%s: the public café next door is missing from %v", c.name, got)
		}
	}
}
