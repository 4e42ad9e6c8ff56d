package sqlite

// Temporary: methods not yet implemented. Owned by the directory engineer,
// who deletes each stub as its real method lands, and this file at the end.

import (
	"context"
	"errors"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

var errTodo = errors.New("sqlite: not implemented yet")

func (s *Store) PutDistricts(ctx context.Context, ds []directory.District) error { return errTodo }
func (s *Store) Districts(ctx context.Context, municipality string) ([]directory.District, error) {
	return nil, errTodo
}
func (s *Store) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	return nil, errTodo
}
func (s *Store) PutWorkingGroups(ctx context.Context, ws []directory.WorkingGroup) error {
	return errTodo
}
func (s *Store) WorkingGroupsByID(ctx context.Context, ids []string) ([]directory.WorkingGroup, error) {
	return nil, errTodo
}
func (s *Store) CreateOrganisation(ctx context.Context, o directory.Organisation) error {
	return errTodo
}
func (s *Store) UpdateOrganisation(ctx context.Context, o directory.Organisation) error {
	return errTodo
}
func (s *Store) DeleteOrganisation(ctx context.Context, id string) error { return errTodo }
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	return nil, errTodo
}
func (s *Store) Organisations(ctx context.Context, f store.OrganisationFilter, p store.Page) (store.OrganisationPage, error) {
	return store.OrganisationPage{}, errTodo
}
func (s *Store) CreateOffer(ctx context.Context, o directory.Offer) error { return errTodo }
func (s *Store) UpdateOffer(ctx context.Context, o directory.Offer) error { return errTodo }
func (s *Store) DeleteOffer(ctx context.Context, id string) error         { return errTodo }
func (s *Store) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	return nil, errTodo
}
func (s *Store) OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error) {
	return nil, errTodo
}
func (s *Store) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	return store.OfferPage{}, errTodo
}
func (s *Store) AddCooperation(ctx context.Context, c directory.Cooperation) error { return errTodo }
func (s *Store) RemoveCooperation(ctx context.Context, a, b string) error          { return errTodo }
func (s *Store) CooperationsOf(ctx context.Context, ids []string) ([]directory.Cooperation, error) {
	return nil, errTodo
}
func (s *Store) Import(ctx context.Context, snap directory.Snapshot) error { return errTodo }
func (s *Store) Export(ctx context.Context) (directory.Snapshot, error) {
	return directory.Snapshot{}, errTodo
}
func (s *Store) Counts(ctx context.Context) (store.Counts, error) { return store.Counts{}, errTodo }
