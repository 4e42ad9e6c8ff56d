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
		{"ProfessionalOrganisation", testProfessionalOrganisation},
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
	ids := func(f store.OfferFilter, order store.OfferOrder) []string {
		t.Helper()
		return searchOfferIDs(t, s, f, order)
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

// searchOrgIDs lists the ids an organisation search finds, checking its total.
func searchOrgIDs(t *testing.T, s store.Store, f store.OrganisationFilter) []string {
	t.Helper()
	page, err := s.Organisations(context.Background(), f, store.Page{First: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, o := range page.Organisations {
		out = append(out, o.ID)
	}
	if page.TotalCount != len(out) {
		t.Errorf("organisations %+v: total %d, %d listed", f, page.TotalCount, len(out))
	}
	return out
}

// searchOfferIDs lists the ids an offer search finds, checking its total.
func searchOfferIDs(t *testing.T, s store.Store, f store.OfferFilter, order store.OfferOrder) []string {
	t.Helper()
	page, err := s.SearchOffers(context.Background(), store.OfferQuery{Filter: f, Order: order, Page: store.Page{First: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range page.Hits {
		out = append(out, h.Offer.ID)
	}
	if page.TotalCount != len(out) {
		t.Errorf("offers %+v: total %d, %d hits", f, page.TotalCount, len(out))
	}
	return out
}

// hiddenOrg is the fixture organisation the visibility tests hide; it
// provides offSpiel, in sg-ohligs.
const hiddenOrg = "org-moschee"

// checkHiddenOrg checks, for every kind of reader, whether organisation and
// offer searches (by every index a backend may start from) find hiddenOrg
// and offSpiel: readers who see PROFESSIONAL records always, the others
// only while it is not PROFESSIONAL.
func checkHiddenOrg(t *testing.T, s store.Store, state string, professional bool) {
	t.Helper()
	near := &store.Near{Lat: pOhligs.Lat, Lon: pOhligs.Lon, RadiusKm: 1}
	readers := []struct {
		name       string
		restricted bool
		own        string
		sees       bool
	}{{"unrestricted", false, "", true}, {"anonymous", true, "", false},
		{"other partner", true, "org-awo", false}, {"own partner", true, hiddenOrg, true}}
	orgFilters := []store.OrganisationFilter{{}, {Text: "moscheeverein"}, {Kinds: []directory.OrganisationKind{directory.KindMosque}},
		{DistrictIDs: []string{"sg-ohligs"}}, {Municipality: "Solingen"}}
	offerQueries := []struct {
		f     store.OfferFilter
		order store.OfferOrder
	}{
		{store.OfferFilter{}, store.OrderTitle},
		{store.OfferFilter{Text: "spielgruppe"}, store.OrderTitle},
		{store.OfferFilter{OrganisationIDs: []string{hiddenOrg}}, store.OrderTitle},
		{store.OfferFilter{DistrictIDs: []string{"sg-ohligs"}}, store.OrderUpdated},
		{store.OfferFilter{Municipality: "Solingen"}, store.OrderFreePlaces},
		{store.OfferFilter{Categories: []directory.OfferCategory{directory.CategoryPassageGroup}}, store.OrderTitle},
		{store.OfferFilter{Near: near}, store.OrderDistance},
		{store.OfferFilter{Near: near}, store.OrderTitle},
	}
	for _, r := range readers {
		want := r.sees || !professional
		for _, f := range orgFilters {
			f.Restricted, f.OwnOrganisation = r.restricted, r.own
			if got := slices.Contains(searchOrgIDs(t, s, f), hiddenOrg); got != want {
				t.Errorf("%s, %s, organisations %+v: listed %v, want %v", state, r.name, f, got, want)
			}
		}
		for _, q := range offerQueries {
			f := q.f
			f.Restricted, f.OwnOrganisation = r.restricted, r.own
			if got := slices.Contains(searchOfferIDs(t, s, f, q.order), offSpiel); got != want {
				t.Errorf("%s, %s, offers %+v by %s: found %v, want %v", state, r.name, f, q.order, got, want)
			}
		}
	}
}

// A PROFESSIONAL organisation is hidden from a restricted organisation
// search, and so are its offers from every restricted offer search; its own
// partner and unrestricted readers see both. Visibility survives update
// (both ways), export and import, and each write is seen by the next search
// at once (a read index must follow it).
func testProfessionalOrganisation(t *testing.T, s store.Store) {
	loadFixtures(t, s)
	ctx := context.Background()
	setVisibility := func(v directory.Visibility) {
		t.Helper()
		if err := s.UpdateOrganisation(ctx, hiddenOrg, func(o *directory.Organisation) error { o.Visibility = v; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	checkHiddenOrg(t, s, "public", false)
	setVisibility(directory.VisibilityProfessional)
	orgs, err := s.OrganisationsByID(ctx, []string{hiddenOrg})
	if err != nil || len(orgs) != 1 || orgs[0].Visibility != directory.VisibilityProfessional {
		t.Fatalf("read back as %+v, %v", orgs, err)
	}
	checkHiddenOrg(t, s, "professional", true)
	snap, err := s.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exported := false
	for _, o := range snap.Organisations {
		exported = exported || o.ID == hiddenOrg && o.Visibility == directory.VisibilityProfessional
	}
	if !exported {
		t.Fatalf("export lost the visibility of %s", hiddenOrg)
	}
	setVisibility(directory.VisibilityPublic)
	checkHiddenOrg(t, s, "public again", false)
	if err := s.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	checkHiddenOrg(t, s, "imported", true)
}
