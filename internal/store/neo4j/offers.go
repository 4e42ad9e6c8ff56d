package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

func readOffers(recs []*neo4j.Record) ([]directory.Offer, error) {
	out := make([]directory.Offer, 0, len(recs))
	for _, rec := range recs {
		o, err := decodeOffer(asRow(rec, "offer"))
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// CreateOffer stores a new offer; a taken id is a *Conflict on "id".
func (s *Store) CreateOffer(ctx context.Context, o directory.Offer) error {
	return s.write(ctx, logged(store.ChangeOffers, []string{o.ID}, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := claimID(ctx, tx, stOfferCreate, o.ID, "offer"); err != nil {
			return err
		}
		return putOffers(ctx, tx, []directory.Offer{o}, "")
	}))
}

// UpdateOffer reads, patches and writes an offer in one transaction, as
// UpdateOrganisation does.
func (s *Store) UpdateOffer(ctx context.Context, id string, update func(*directory.Offer) error) error {
	return s.write(ctx, logged(store.ChangeOffers, []string{id}, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		read := func() ([]directory.Offer, error) {
			return lockedRead(ctx, tx, stOfferLock, stOffersByID, id, readOffers)
		}
		return store.Patch("offer", id, read, update, func(o directory.Offer) error {
			return putOffers(ctx, tx, []directory.Offer{o}, "")
		})
	}))
}

// putOffers upserts offers in chunks; a missing provider or district is a
// *NotFound naming the field (prefixed with path, e.g. "offers[7]").
func putOffers(ctx context.Context, tx neo4j.ManagedTransaction, os []directory.Offer, path string) error {
	rows := make([]any, len(os))
	index := make(map[string]int, len(os))
	for i, o := range os {
		rows[i] = offerRow(o)
		index[o.ID] = i
	}
	for _, chunk := range chunks(rows) {
		recs, err := run(ctx, tx, stOfferUpsert, rowsParam(chunk))
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		id, _ := get(recs[0], "id").(string)
		o := os[index[id]]
		prefix := ""
		if path != "" {
			prefix = fmt.Sprintf("%s[%d].", path, index[id])
		}
		if mp, _ := get(recs[0], "missingProvider").(bool); mp {
			return &store.NotFound{Field: prefix + "providerId", Entity: "organisation", ID: o.ProviderID}
		}
		return &store.NotFound{Field: prefix + "districtId", Entity: "district", ID: o.DistrictID}
	}
	return nil
}

// DeleteOffer removes an offer.
func (s *Store) DeleteOffer(ctx context.Context, id string) error {
	return s.write(ctx, logged(store.ChangeOffers, []string{id}, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stOfferDelete, idParam(id))
		if err != nil {
			return err
		}
		if n, _ := get(rec, "deleted").(int64); n == 0 {
			return &store.NotFound{Entity: "offer", ID: id}
		}
		return nil
	}))
}

func (s *Store) offers(ctx context.Context, st *statement, params map[string]any) ([]directory.Offer, error) {
	var out []directory.Offer
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		recs, err := run(ctx, tx, st, params)
		if err != nil {
			return err
		}
		out, err = readOffers(recs)
		return err
	})
	return out, err
}

// OffersByID returns the offers that exist among ids.
func (s *Store) OffersByID(ctx context.Context, ids []string) ([]directory.Offer, error) {
	return s.offers(ctx, stOffersByID, idsParam(ids))
}

// OffersAfter returns up to limit offers with ids after after, by id.
func (s *Store) OffersAfter(ctx context.Context, after string, limit int) ([]directory.Offer, error) {
	return s.offers(ctx, stExportOffersAfter, afterParams(after, limit))
}

// OffersByProvider returns every offer of the given providers, by title then id.
func (s *Store) OffersByProvider(ctx context.Context, providerIDs []string) ([]directory.Offer, error) {
	return s.offers(ctx, stOffersByProvider, providerIDsParam(providerIDs))
}
