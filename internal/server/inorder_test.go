package server_test

import (
	"testing"

	"github.com/lotse-kim/lotse/internal/access"
)

// A search page's offers are marshalled one after another (tools/gqlgen), so
// every loader below them must be primed: the providers' own nested fields
// cost one batch each for the whole page, and answer what the directory holds.
func TestOffersPageProvidersNestedFieldsCostOneBatchEach(t *testing.T) {
	e := newEnv(t)
	e.store.reset()
	var c struct {
		Offers struct {
			Edges []struct {
				Node struct {
					LocalID  string
					Provider struct {
						LocalID       string
						District      *struct{ LocalID string }
						Parent        *struct{ LocalID string }
						WorkingGroups []struct{ Name string }
						Offers        []struct{ LocalID string }
						Partners      []struct{ Organisation struct{ LocalID string } }
					}
				}
			}
		}
	}
	e.ok(access.RolePublic, `{ offers(first: 50) { edges { node { localId provider {
	  localId district { localId } parent { localId } workingGroups { name } offers { localId } partners { organisation { localId } } } } } } }`, nil, &c)
	calls := e.store.reset()
	if len(c.Offers.Edges) != 50 {
		t.Fatalf("got %d offers, want 50", len(c.Offers.Edges))
	}
	t.Logf("50 offers with their providers' nested fields cost %v", calls)
	// The providers, then their parents and partners together (in batches of
	// the loaders' 500 ids), and the service's look at the providers of the
	// providers' offers (are they visible?); everything else one batch.
	others := map[string]bool{}
	for _, edge := range c.Offers.Edges {
		p := edge.Node.Provider
		if p.Parent != nil {
			others[p.Parent.LocalID] = true
		}
		for _, q := range p.Partners {
			others[q.Organisation.LocalID] = true
		}
	}
	want := map[string]int{"SearchOffers": 1, "OrganisationsByID": 2 + (len(others)+499)/500, "DistrictsByID": 1,
		"WorkingGroupsByID": 1, "OffersByProvider": 1, "CooperationsOf": 1}
	for m, n := range want {
		if calls[m] > n {
			t.Errorf("%s called %d times, want at most %d", m, calls[m], n)
		}
	}
	orgs := map[string]int{}
	for i, o := range e.snap.Organisations {
		orgs[o.ID] = i
	}
	offersOf := map[string]int{}
	for _, o := range e.snap.Offers {
		offersOf[o.ProviderID]++
	}
	for _, edge := range c.Offers.Edges {
		p := edge.Node.Provider
		o := e.snap.Organisations[orgs[p.LocalID]]
		if got := p.District; (got == nil) != (o.DistrictID == "") || got != nil && got.LocalID != o.DistrictID {
			t.Errorf("offer %s: provider %s district %+v, want %q", edge.Node.LocalID, p.LocalID, got, o.DistrictID)
		}
		if got := p.Parent; (got == nil) != (o.ParentID == "") || got != nil && got.LocalID != o.ParentID {
			t.Errorf("offer %s: provider %s parent %+v, want %q", edge.Node.LocalID, p.LocalID, got, o.ParentID)
		}
		if len(p.WorkingGroups) != len(o.WorkingGroupIDs) {
			t.Errorf("provider %s: %d working groups, want %d", p.LocalID, len(p.WorkingGroups), len(o.WorkingGroupIDs))
		}
		if len(p.Offers) == 0 || len(p.Offers) > offersOf[p.LocalID] {
			t.Errorf("provider %s: %d offers, want 1..%d", p.LocalID, len(p.Offers), offersOf[p.LocalID])
		}
	}
}
