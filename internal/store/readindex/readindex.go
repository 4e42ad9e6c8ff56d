// Package readindex answers the directory's reads from memory: a decorator
// around any store.Store that keeps an index of the offers, organisations
// and districts (postings per provider, district, grid cell and folded word)
// and answers SearchOffers, OffersByID, OffersByProvider, OrganisationsByID,
// DistrictsByID and Districts from it, exactly as the store would. Every
// other method goes to the store.
//
// Freshness: every write through the decorator goes to the store first and,
// before it returns, the decorator reads the written records back from the
// store and puts them into the index, under the index's write lock, so a read
// that starts after a write was acknowledged sees it. Writes that do not go
// through this decorator (another process on the same SQLite file, another
// replica on the same Neo4j) are found through the store's directory version
// (see Versioned).
package readindex

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Store is a store.Store whose directory reads come from memory.
type Store struct {
	store.Store
	mu sync.RWMutex
	ix *index // nil while the index could not be brought up to date: reads go to the store
}

// New reads the directory of inner into memory and returns the decorator.
func New(ctx context.Context, inner store.Store) (*Store, error) {
	s := &Store{Store: inner}
	if err := s.rebuild(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Unwrap returns the decorated store.
func (s *Store) Unwrap() store.Store { return s.Store }

// rebuild reads the whole directory again; the caller holds no lock.
func (s *Store) rebuild(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rebuildLocked(ctx)
}

func (s *Store) rebuildLocked(ctx context.Context) error {
	s.ix = nil
	snap, err := s.Store.Export(ctx)
	if err != nil {
		return fmt.Errorf("read index: %w", err)
	}
	s.ix = build(snap)
	return nil
}

// reader returns the index under the read lock (release with the returned
// function), or nil when reads must go to the store.
func (s *Store) reader(ctx context.Context) (*index, func()) {
	s.mu.RLock()
	if s.ix != nil {
		return s.ix, s.mu.RUnlock
	}
	s.mu.RUnlock()
	// A failed refresh left no index: try again, else serve from the store.
	if err := s.rebuild(context.WithoutCancel(ctx)); err != nil {
		slog.Warn("read index unavailable; reading from the store", "err", err)
		return nil, func() {}
	}
	return s.reader(ctx)
}

// refresh runs after a write (whether it succeeded or not: an error may
// still have committed) and reads the changed records back into the index.
func (s *Store) refresh(ctx context.Context, load func(ctx context.Context, ix *index) error) {
	ctx = context.WithoutCancel(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ix == nil {
		return // the next read rebuilds
	}
	if err := load(ctx, s.ix); err != nil {
		slog.Warn("read index: refresh after a write failed; the next read rebuilds it", "err", err)
		s.ix = nil
	}
}

func (s *Store) refreshOffers(ctx context.Context, ids ...string) {
	s.refresh(ctx, func(ctx context.Context, ix *index) error {
		got, err := s.Store.OffersByID(ctx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			ix.removeOffer(id)
		}
		for _, o := range got {
			ix.putOffer(o)
		}
		return nil
	})
}

func (s *Store) refreshOrganisations(ctx context.Context, ids ...string) {
	s.refresh(ctx, func(ctx context.Context, ix *index) error {
		got, err := s.Store.OrganisationsByID(ctx, ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			delete(ix.orgs, id)
		}
		for _, o := range got {
			ix.orgs[o.ID] = o
		}
		return nil
	})
}

// PutDistricts stores the districts, then reads them into the index.
func (s *Store) PutDistricts(ctx context.Context, ds []directory.District) error {
	err := s.Store.PutDistricts(ctx, ds)
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	s.refresh(ctx, func(ctx context.Context, ix *index) error {
		got, err := s.Store.DistrictsByID(ctx, ids)
		for _, d := range got {
			ix.putDistrict(d)
		}
		return err
	})
	return err
}

// CreateOrganisation stores o, then reads it into the index.
func (s *Store) CreateOrganisation(ctx context.Context, o directory.Organisation) error {
	err := s.Store.CreateOrganisation(ctx, o)
	s.refreshOrganisations(ctx, o.ID)
	return err
}

// UpdateOrganisation updates the organisation, then reads it into the index.
func (s *Store) UpdateOrganisation(ctx context.Context, id string, update func(*directory.Organisation) error) error {
	err := s.Store.UpdateOrganisation(ctx, id, update)
	s.refreshOrganisations(ctx, id)
	return err
}

// DeleteOrganisation deletes the organisation, then drops it from the index.
func (s *Store) DeleteOrganisation(ctx context.Context, id string) error {
	err := s.Store.DeleteOrganisation(ctx, id)
	s.refreshOrganisations(ctx, id)
	return err
}

// CreateOffer stores o, then reads it into the index.
func (s *Store) CreateOffer(ctx context.Context, o directory.Offer) error {
	err := s.Store.CreateOffer(ctx, o)
	s.refreshOffers(ctx, o.ID)
	return err
}

// UpdateOffer updates the offer, then reads it into the index.
func (s *Store) UpdateOffer(ctx context.Context, id string, update func(*directory.Offer) error) error {
	err := s.Store.UpdateOffer(ctx, id, update)
	s.refreshOffers(ctx, id)
	return err
}

// DeleteOffer deletes the offer, then drops it from the index.
func (s *Store) DeleteOffer(ctx context.Context, id string) error {
	err := s.Store.DeleteOffer(ctx, id)
	s.refreshOffers(ctx, id)
	return err
}

// Import stores the snapshot, then reads the whole directory again.
func (s *Store) Import(ctx context.Context, snap directory.Snapshot) error {
	err := s.Store.Import(ctx, snap)
	s.mu.Lock()
	defer s.mu.Unlock()
	if rerr := s.rebuildLocked(context.WithoutCancel(ctx)); rerr != nil {
		slog.Warn("read index: rebuild after an import failed; the next read tries again", "err", rerr)
	}
	return err
}

// SearchOffers answers from the index (see store.OfferQuery).
func (s *Store) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	ix, done := s.reader(ctx)
	defer done()
	if ix == nil {
		return s.Store.SearchOffers(ctx, q)
	}
	return ix.search(q)
}

// OffersByID answers from the index, by id.
func (s *Store) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	ix, done := s.reader(ctx)
	defer done()
	if ix == nil {
		return s.Store.OffersByID(ctx, ids)
	}
	out := []directory.Offer{}
	for _, id := range unique(ids) {
		if ord, ok := ix.byID[id]; ok {
			out = append(out, ix.offers[ord].offer.Clone())
		}
	}
	return out, nil
}

// OffersByProvider answers from the index, by title then id.
func (s *Store) OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error) {
	ix, done := s.reader(ctx)
	defer done()
	if ix == nil {
		return s.Store.OffersByProvider(ctx, providerIDs)
	}
	out := []directory.Offer{}
	for _, p := range unique(providerIDs) {
		for _, ord := range ix.byProv[p] {
			out = append(out, ix.offers[ord].offer.Clone())
		}
	}
	slices.SortFunc(out, func(a, b directory.Offer) int {
		return cmp.Or(strings.Compare(a.Title, b.Title), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

// OrganisationsByID answers from the index, by id.
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	ix, done := s.reader(ctx)
	defer done()
	if ix == nil {
		return s.Store.OrganisationsByID(ctx, ids)
	}
	out := []directory.Organisation{}
	for _, id := range unique(ids) {
		if o, ok := ix.orgs[id]; ok {
			out = append(out, o.Clone())
		}
	}
	return out, nil
}

// DistrictsByID answers from the index, by id.
func (s *Store) DistrictsByID(ctx context.Context, ids []string) ([]directory.District, error) {
	ix, done := s.reader(ctx)
	defer done()
	if ix == nil {
		return s.Store.DistrictsByID(ctx, ids)
	}
	out := []directory.District{}
	for _, id := range unique(ids) {
		if d, ok := ix.districts[id]; ok {
			out = append(out, d)
		}
	}
	return out, nil
}

// Districts answers from the index, by municipality then name.
func (s *Store) Districts(ctx context.Context, municipality string) ([]directory.District, error) {
	ix, done := s.reader(ctx)
	defer done()
	if ix == nil {
		return s.Store.Districts(ctx, municipality)
	}
	out := []directory.District{}
	for _, d := range ix.districtsSorted() {
		if municipality == "" || d.Municipality == municipality {
			out = append(out, d)
		}
	}
	return out, nil
}

// unique returns ids sorted, without repeats (a copy).
func unique(ids []string) []string {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	return slices.Compact(ids)
}
