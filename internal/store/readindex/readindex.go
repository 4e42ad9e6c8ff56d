// Package readindex answers the directory's reads from memory: a decorator
// around any store.Store that keeps an index of the offers, organisations
// and districts (postings per provider, district, grid cell and folded word,
// filter fields in compact form) and answers SearchOffers, OffersByID,
// OffersByProvider, OrganisationsByID, DistrictsByID and Districts from it,
// exactly as the store would (the conformance suite and a differential test
// against SQLite hold it to that). Every other method goes to the store.
//
// Freshness: every read first asks the store for its directory version
// (store.ChangeLog: one number, incremented in the transaction of every
// write of districts, organisations or offers). When the index is behind,
// it reads the changes since its own version, reads the records they name
// again and only then answers. So a write acknowledged by anyone — this
// process, another process on the same SQLite file, another replica on the
// same Neo4j — is in every read that starts after it. A write through the
// decorator also catches up before it returns. After an import (or a gap
// in the log) the index is read anew in the background while the store
// answers the reads; when the store cannot be read, the store is asked
// directly too.
package readindex

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Store is a store.Store whose directory reads come from memory.
type Store struct {
	store.Store
	building atomic.Bool // a rebuild runs in the background: reads go to the store meanwhile
	mu       sync.RWMutex
	ix       *index // nil until built, or after a failed rebuild: reads go to the store
	seq      int64  // the number of the store's latest change (store.ChangeLog) the index holds
}

// New reads the directory of inner into memory and returns the decorator.
func New(ctx context.Context, inner store.Store) (*Store, error) {
	s := &Store{Store: inner}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.rebuild(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// Unwrap returns the decorated store.
func (s *Store) Unwrap() store.Store { return s.Store }

// changeBatch is how many changes one catch-up step reads.
const changeBatch = 1000

// rebuild reads the whole directory again; the caller holds the write lock.
// The version is read first: a change that commits while the pages are
// read is read again by the next catch-up, which is harmless.
func (s *Store) rebuild(ctx context.Context) error {
	s.ix = nil
	seq, err := s.Store.DirectoryVersion(ctx)
	if err != nil {
		return fmt.Errorf("read index: %w", err)
	}
	ix, err := load(ctx, s.Store)
	if err != nil {
		return fmt.Errorf("read index: %w", err)
	}
	s.ix, s.seq = ix, seq
	return nil
}

// catchUp brings the index to the store's latest change: it reads the
// change log after s.seq and reads the records named there again (or
// everything, after an import or when the log no longer reaches back). The
// caller holds the write lock.
func (s *Store) catchUp(ctx context.Context) error {
	if s.ix == nil {
		return errRebuild
	}
	latest, err := s.Store.DirectoryVersion(ctx)
	if err != nil {
		return err
	}
	if latest < s.seq {
		return errRebuild // the database was replaced (a restore)
	}
	for s.seq < latest {
		changes, ok, err := s.Store.DirectoryChanges(ctx, s.seq, changeBatch)
		if err != nil {
			return err
		}
		if !ok || len(changes) == 0 || slices.ContainsFunc(changes, func(c store.DirectoryChange) bool { return c.Kind == store.ChangeAll }) {
			return errRebuild
		}
		if err := s.apply(ctx, changes); err != nil {
			return err
		}
		s.seq = changes[len(changes)-1].Seq
	}
	return nil
}

// errRebuild: the changes cannot be applied one by one (an import, a gap
// in the log, a replaced database); the index must be read anew.
var errRebuild = errors.New("read index: to be read anew")

// settle handles catchUp's answer (the caller holds the write lock): a
// rebuild starts in the background, other errors are logged.
func (s *Store) settle(err error) {
	switch {
	case errors.Is(err, errRebuild):
		s.startRebuild()
	case err != nil:
		slog.Warn("read index behind the store; reading from the store", "err", err)
	}
}

// startRebuild reads the whole directory into a new index without holding
// the lock, so that reads are not held up for the seconds an export takes
// at NRW scale: they go to the store meanwhile. Then it swaps the new index
// in and catches it up. The caller holds the write lock.
func (s *Store) startRebuild() {
	if !s.building.CompareAndSwap(false, true) {
		return
	}
	// The old index is behind and answers nothing while the new one builds:
	// let it go now, so that the process never holds two (at NRW scale that
	// would pass the memory limit by the index's 137 MiB).
	s.ix = nil
	go func() {
		ctx := context.Background()
		seq, err := s.Store.DirectoryVersion(ctx)
		var ix *index
		if err == nil {
			ix, err = load(ctx, s.Store)
		}
		if err != nil {
			slog.Warn("read index: reading the directory anew failed; reads go to the store until the next try", "err", err)
			s.building.Store(false)
			return
		}
		s.mu.Lock()
		s.ix, s.seq = ix, seq
		err = s.catchUp(ctx) // errRebuild again: the next read starts another
		s.building.Store(false)
		s.mu.Unlock()
		if err != nil && !errors.Is(err, errRebuild) {
			slog.Warn("read index: catching up after reading anew failed", "err", err)
		}
	}()
}

// apply reads the records the changes name again and puts them into the
// index (a record the store no longer has is dropped).
func (s *Store) apply(ctx context.Context, changes []store.DirectoryChange) error {
	ids := map[store.ChangeKind][]string{}
	for _, c := range changes {
		ids[c.Kind] = append(ids[c.Kind], c.IDs...)
	}
	ix := s.ix
	if l := unique(ids[store.ChangeDistricts]); len(l) > 0 {
		got, err := s.Store.DistrictsByID(ctx, l)
		if err != nil {
			return err
		}
		for _, id := range l {
			ix.removeDistrict(id)
		}
		for _, d := range got {
			ix.putDistrict(d)
		}
	}
	if l := unique(ids[store.ChangeOrganisations]); len(l) > 0 {
		got, err := s.Store.OrganisationsByID(ctx, l)
		if err != nil {
			return err
		}
		for _, id := range l {
			ix.removeOrganisation(id)
		}
		for _, o := range got {
			ix.putOrganisation(o)
		}
	}
	if l := unique(ids[store.ChangeOffers]); len(l) > 0 {
		got, err := s.Store.OffersByID(ctx, l)
		if err != nil {
			return err
		}
		for _, id := range l {
			ix.removeOffer(id)
		}
		for _, o := range got {
			ix.putOffer(o)
		}
	}
	return nil
}

// reader returns the index, current with the store's latest change, under
// the read lock (release it with the returned function); nil when reads
// must go to the store, and an error when the store is unavailable. One
// cheap read of the store's version per call is what keeps the index from
// ever answering older than a write another process or replica acknowledged
// before the request began.
func (s *Store) reader(ctx context.Context) (*index, func(), error) {
	// One look per request (store.WithRequestVersion), not one per read.
	latest, err := store.DirectoryVersionOnce(ctx, s.Store.DirectoryVersion)
	if errors.Is(err, store.ErrUnavailable) {
		// The store would not answer the read either; failing now saves
		// waiting out its timeout once more.
		return nil, func() {}, err
	}
	if err != nil {
		return nil, func() {}, nil
	}
	s.mu.RLock()
	// Ahead of latest: the index has this process's writes made since the
	// request looked, and still every change up to latest.
	if s.ix != nil && s.seq >= latest {
		return s.ix, s.mu.RUnlock, nil
	}
	s.mu.RUnlock()
	if s.building.Load() {
		return nil, func() {}, nil // the store answers while the index is read anew
	}
	s.mu.Lock()
	s.settle(s.catchUp(context.WithoutCancel(ctx)))
	s.mu.Unlock()
	s.mu.RLock()
	if s.ix != nil && s.seq >= latest {
		return s.ix, s.mu.RUnlock, nil
	}
	s.mu.RUnlock()
	return nil, func() {}, nil
}

// synced runs after a write through the decorator (whether it succeeded or
// not: an error may still have committed) and catches the index up before
// the write returns, so that the writer's next read sees it.
func (s *Store) synced(ctx context.Context, err error) error {
	store.ResetRequestVersion(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settle(s.catchUp(context.WithoutCancel(ctx)))
	return err
}

// PutDistricts stores the districts, then catches up.
func (s *Store) PutDistricts(ctx context.Context, ds []directory.District) error {
	return s.synced(ctx, s.Store.PutDistricts(ctx, ds))
}

// CreateOrganisation stores o, then catches up.
func (s *Store) CreateOrganisation(ctx context.Context, o directory.Organisation) error {
	return s.synced(ctx, s.Store.CreateOrganisation(ctx, o))
}

// UpdateOrganisation updates the organisation, then catches up.
func (s *Store) UpdateOrganisation(ctx context.Context, id string, update func(*directory.Organisation) error) error {
	return s.synced(ctx, s.Store.UpdateOrganisation(ctx, id, update))
}

// DeleteOrganisation deletes the organisation, then catches up.
func (s *Store) DeleteOrganisation(ctx context.Context, id string) error {
	return s.synced(ctx, s.Store.DeleteOrganisation(ctx, id))
}

// CreateOffer stores o, then catches up.
func (s *Store) CreateOffer(ctx context.Context, o directory.Offer) error {
	return s.synced(ctx, s.Store.CreateOffer(ctx, o))
}

// UpdateOffer updates the offer, then catches up.
func (s *Store) UpdateOffer(ctx context.Context, id string, update func(*directory.Offer) error) error {
	return s.synced(ctx, s.Store.UpdateOffer(ctx, id, update))
}

// DeleteOffer deletes the offer, then catches up.
func (s *Store) DeleteOffer(ctx context.Context, id string) error {
	return s.synced(ctx, s.Store.DeleteOffer(ctx, id))
}

// Import stores the snapshot; the index is then read anew in the background.
func (s *Store) Import(ctx context.Context, snap directory.Snapshot) error {
	return s.synced(ctx, s.Store.Import(ctx, snap))
}

// SearchOffers answers from the index (see store.OfferQuery).
func (s *Store) SearchOffers(ctx context.Context, q store.OfferQuery) (store.OfferPage, error) {
	ix, done, err := s.reader(ctx)
	defer done()
	if err != nil {
		return store.OfferPage{}, err
	}
	if ix == nil {
		return s.Store.SearchOffers(ctx, q)
	}
	return ix.search(q)
}

// OffersByID answers from the index, by id.
func (s *Store) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	ix, done, err := s.reader(ctx)
	defer done()
	if err != nil {
		return nil, err
	}
	if ix == nil {
		return s.Store.OffersByID(ctx, ids)
	}
	out := []directory.Offer{}
	for _, id := range unique(ids) {
		if ord, ok := ix.byID[id]; ok {
			out = append(out, ix.offers[ord].offer())
		}
	}
	return out, nil
}

// OffersByProvider answers from the index, by title then id.
func (s *Store) OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error) {
	ix, done, err := s.reader(ctx)
	defer done()
	if err != nil {
		return nil, err
	}
	if ix == nil {
		return s.Store.OffersByProvider(ctx, providerIDs)
	}
	// Sort the ordinals, then copy each offer once into a list of its size:
	// sorting the copies would move whole records around.
	var ords []uint32
	for _, p := range unique(providerIDs) {
		ords = append(ords, ix.byProv[p]...)
	}
	slices.SortFunc(ords, func(a, b uint32) int {
		x, y := &ix.offers[a], &ix.offers[b]
		if c := strings.Compare(x.title(), y.title()); c != 0 {
			return c
		}
		return strings.Compare(x.id(), y.id())
	})
	out := make([]directory.Offer, len(ords))
	for i, ord := range ords {
		out[i] = ix.offers[ord].offer()
	}
	return out, nil
}

// OrganisationsByID answers from the index, by id.
func (s *Store) OrganisationsByID(ctx context.Context, ids []string) ([]directory.Organisation, error) {
	ix, done, err := s.reader(ctx)
	defer done()
	if err != nil {
		return nil, err
	}
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
	ix, done, err := s.reader(ctx)
	defer done()
	if err != nil {
		return nil, err
	}
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
	ix, done, err := s.reader(ctx)
	defer done()
	if err != nil {
		return nil, err
	}
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

// WriteError passes store.WriteHealth on from the decorated store.
func (s *Store) WriteError(ctx context.Context) error {
	if wh, ok := s.Store.(store.WriteHealth); ok {
		return wh.WriteError(ctx)
	}
	return nil
}
