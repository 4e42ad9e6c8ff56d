package service

import (
	"context"

	"github.com/lotse-kim/lotse/internal/directory"
)

// The batch reads of the GraphQL dataloaders (graph.BatchReader): public
// directory data, one store call per batch of ids.

// OrganisationsByID returns the organisations that exist among ids.
func (s *Service) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	orgs, err := s.store.OrganisationsByID(ctx, ids)
	return visibleOrganisations(ctx, orgs), err
}

// DistrictsByID returns the districts that exist among ids.
func (s *Service) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	return s.store.DistrictsByID(ctx, ids)
}

// WorkingGroupsByID returns the working groups that exist among ids.
func (s *Service) WorkingGroupsByID(ctx context.Context, ids []string) ([]directory.WorkingGroup, error) {
	return s.store.WorkingGroupsByID(ctx, ids)
}

// OffersByProvider returns every offer of the given providers, by title then id.
func (s *Service) OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error) {
	offers, err := s.store.OffersByProvider(ctx, providerIDs)
	if err != nil {
		return nil, err
	}
	return s.visibleOffers(ctx, offers)
}

// CooperationsOf returns every cooperation that touches one of ids.
func (s *Service) CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	return s.store.CooperationsOf(ctx, ids)
}

// OffersByID returns the offers that exist among ids (a referral's offer).
func (s *Service) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	offers, err := s.store.OffersByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	return s.visibleOffers(ctx, offers)
}
