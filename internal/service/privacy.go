package service

import (
	"context"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Confidential places (DESIGN.md §2, Visibility): a reader who may not see
// an offer's place (access.SeesProfessional) gets no PROFESSIONAL offer of
// another organisation, and a confidential offer without address and
// position; searches do the same in the store (OfferFilter.Restricted),
// so that counts and pages agree and a radius search never finds a
// confidential place. Every read of offers in the service goes through
// one of these.

// restrict sets the reader's restriction on a search.
func restrict(ctx context.Context, f *store.OfferFilter) {
	p := access.FromContext(ctx)
	f.Restricted = access.Restricted(p)
	f.OwnOrganisation = ""
	if p.Role == access.RolePartner {
		f.OwnOrganisation = p.OrganisationID
	}
}

// visibleOffer is o as the caller may see it; false when not at all.
func visibleOffer(p access.Principal, o directory.Offer) (directory.Offer, bool) {
	if access.SeesProfessional(p, o.ProviderID) {
		return o, true
	}
	if o.Visibility.Or() == directory.VisibilityProfessional {
		return o, false
	}
	return o.Redacted(), true
}

// visibleOffers keeps and redacts offers for the caller.
func visibleOffers(ctx context.Context, offers []directory.Offer) []directory.Offer {
	p := access.FromContext(ctx)
	out := offers[:0:0]
	for _, o := range offers {
		if v, ok := visibleOffer(p, o); ok {
			out = append(out, v)
		}
	}
	return out
}

// visibleHits redacts the hits of a search the store already restricted.
func visibleHits(ctx context.Context, hits []store.OfferHit) []store.OfferHit {
	p := access.FromContext(ctx)
	out := hits[:0:0]
	for _, h := range hits {
		v, ok := visibleOffer(p, h.Offer)
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

// visibleOrganisations redacts the confidential places of organisations
// for a restricted reader (its own organisation aside, for a partner).
func visibleOrganisations(ctx context.Context, orgs []directory.Organisation) []directory.Organisation {
	p := access.FromContext(ctx)
	for i, o := range orgs {
		if !access.SeesProfessional(p, o.ID) {
			orgs[i] = o.Redacted()
		}
	}
	return orgs
}
