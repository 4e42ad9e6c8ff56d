package service

import (
	"context"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Confidential places (DESIGN.md §2, Visibility): a reader who may not see
// PROFESSIONAL records (access.SeesProfessional) gets no PROFESSIONAL
// organisation and no PROFESSIONAL offer of another organisation, no offer
// of a PROFESSIONAL organisation either (an offer would name its provider),
// and a confidential offer or organisation without address and position.
// Searches do the same in the store (OfferFilter.Restricted,
// OrganisationFilter.Restricted), so that counts and pages agree and a
// radius search never finds a confidential place. Every read of offers and
// organisations in the service goes through one of these.

// restrict sets the reader's restriction on a search.
func restrict(ctx context.Context, f *store.OfferFilter) {
	f.Restricted, f.OwnOrganisation = restriction(access.FromContext(ctx))
}

// restrictOrganisations sets the reader's restriction on an organisation search.
func restrictOrganisations(ctx context.Context, f *store.OrganisationFilter) {
	f.Restricted, f.OwnOrganisation = restriction(access.FromContext(ctx))
}

func restriction(p access.Principal) (restricted bool, own string) {
	if p.Role == access.RolePartner {
		own = p.OrganisationID
	}
	return access.Restricted(p), own
}

// visibleOffer is o as the caller may see it; false when not at all.
// providerHidden says whether its provider is hidden from the caller.
func visibleOffer(p access.Principal, o directory.Offer, providerHidden bool) (directory.Offer, bool) {
	if access.SeesProfessional(p, o.ProviderID) {
		return o, true
	}
	if o.Visibility.Or() == directory.VisibilityProfessional || providerHidden {
		return o, false
	}
	return o.Redacted(), true
}

// visibleOffers keeps and redacts offers for the caller; it reads their
// providers' visibility when the caller is restricted.
func (s *Service) visibleOffers(ctx context.Context, offers []directory.Offer) ([]directory.Offer, error) {
	p := access.FromContext(ctx)
	hidden, err := s.hiddenProviders(ctx, p, offers)
	if err != nil {
		return nil, err
	}
	out := make([]directory.Offer, 0, len(offers))
	for _, o := range offers {
		if v, ok := visibleOffer(p, o, hidden[o.ProviderID]); ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// hiddenProviders returns the providers of offers that are PROFESSIONAL
// organisations p may not see (nil for readers who see them all).
func (s *Service) hiddenProviders(ctx context.Context, p access.Principal, offers []directory.Offer) (map[string]bool, error) {
	if !access.Restricted(p) || len(offers) == 0 {
		return nil, nil
	}
	var ids []string
	seen := map[string]bool{}
	for _, o := range offers {
		if !seen[o.ProviderID] && !access.SeesProfessional(p, o.ProviderID) {
			seen[o.ProviderID] = true
			ids = append(ids, o.ProviderID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	orgs, err := s.store.OrganisationsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	hidden := map[string]bool{}
	for _, o := range orgs {
		if o.Visibility.Or() == directory.VisibilityProfessional {
			hidden[o.ID] = true
		}
	}
	return hidden, nil
}

// visibleHits redacts the hits of a search the store already restricted.
func visibleHits(ctx context.Context, hits []store.OfferHit) []store.OfferHit {
	p := access.FromContext(ctx)
	out := hits[:0:0]
	for _, h := range hits {
		v, ok := visibleOffer(p, h.Offer, false) // the store dropped hidden providers' offers
		if !ok {
			continue // the store's filter already dropped these
		}
		if v.Location == nil {
			h.DistanceKm = nil
		}
		h.Offer = v
		out = append(out, h)
	}
	return out
}

// organisationHidden reports whether o does not exist for the caller.
func organisationHidden(p access.Principal, o directory.Organisation) bool {
	return o.Visibility.Or() == directory.VisibilityProfessional && !access.SeesProfessional(p, o.ID)
}

// visibleOrganisations drops the PROFESSIONAL organisations a restricted
// reader may not see and redacts the confidential places of the others
// (its own organisation aside, for a partner).
func visibleOrganisations(ctx context.Context, orgs []directory.Organisation) []directory.Organisation {
	p := access.FromContext(ctx)
	out := orgs[:0:0]
	for _, o := range orgs {
		switch {
		case organisationHidden(p, o):
		case !access.SeesProfessional(p, o.ID):
			out = append(out, o.Redacted())
		default:
			out = append(out, o)
		}
	}
	return out
}

// visibleGraph removes from g the organisations hidden from the caller,
// their cooperations, and the organisations that are within depth hops of
// root only through a hidden one (their presence would betray the hidden
// link). A hidden root is a *NotFound on field, as an unknown one.
func visibleGraph(ctx context.Context, g store.Graph, root string, depth int, field string) (store.Graph, error) {
	p := access.FromContext(ctx)
	if !access.Restricted(p) {
		return g, nil
	}
	hidden := map[string]bool{}
	for _, o := range g.Organisations {
		if organisationHidden(p, o) {
			hidden[o.ID] = true
		}
	}
	if hidden[root] {
		return store.Graph{}, &store.NotFound{Field: field, Entity: "organisation", ID: root}
	}
	var coops []directory.Cooperation
	adj := map[string][]string{}
	for _, c := range g.Cooperations {
		if !hidden[c.A] && !hidden[c.B] {
			coops = append(coops, c)
			adj[c.A], adj[c.B] = append(adj[c.A], c.B), append(adj[c.B], c.A)
		}
	}
	reach := map[string]bool{root: true}
	for frontier, d := []string{root}, 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, id := range frontier {
			for _, n := range adj[id] {
				if !reach[n] {
					reach[n] = true
					next = append(next, n)
				}
			}
		}
		frontier = next
	}
	out := store.Graph{Organisations: []directory.Organisation{}, Cooperations: []directory.Cooperation{}}
	for _, o := range g.Organisations {
		if reach[o.ID] {
			out.Organisations = append(out.Organisations, o)
		}
	}
	for _, c := range coops {
		if reach[c.A] && reach[c.B] {
			out.Cooperations = append(out.Cooperations, c)
		}
	}
	out.Organisations = visibleOrganisations(ctx, out.Organisations)
	return out, nil
}

// hiddenSide returns the side ("a" or "b") of a cooperation mutation
// that is hidden from the caller, or "": the caller then answers exactly as
// for an unknown organisation, so that a partner cannot probe for
// PROFESSIONAL ids.
func (s *Service) hiddenSide(ctx context.Context, a, b string) (string, error) {
	p := access.FromContext(ctx)
	if !access.Restricted(p) {
		return "", nil
	}
	orgs, err := s.store.OrganisationsByID(ctx, []string{a, b})
	if err != nil {
		return "", err
	}
	for _, o := range orgs {
		if organisationHidden(p, o) {
			if o.ID == a {
				return "a", nil
			}
			return "b", nil
		}
	}
	return "", nil
}
