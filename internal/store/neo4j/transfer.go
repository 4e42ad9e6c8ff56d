package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Import upserts a whole snapshot in one transaction: all of it or nothing.
// Rows go in UNWIND chunks of importChunk, all inside that one transaction,
// so that no statement carries the whole snapshot; the transaction itself
// still holds every change until commit, so an NRW-scale import (150 000
// offers) needs a server whose transaction memory
// (dbms.memory.transaction.total.max, db.memory.transaction.max) allows
// about 5 GB. It runs under Config.ImportTimeout instead of Config.Timeout,
// in one attempt (a retry would hit the same limit minutes later).
func (s *Store) Import(ctx context.Context, snap directory.Snapshot) error {
	districts := make([]any, len(snap.Districts))
	for i, d := range snap.Districts {
		districts[i] = districtProps(d)
	}
	groups := make([]any, len(snap.WorkingGroups))
	for i, w := range snap.WorkingGroups {
		groups[i] = workingGroupProps(w)
	}
	return s.writeOnce(ctx, s.importTimeout, logged(store.ChangeAll, []string{}, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		for _, chunk := range chunks(districts) {
			if _, err := run(ctx, tx, stDistrictUpsert, rowsParam(chunk)); err != nil {
				return err
			}
		}
		for _, chunk := range chunks(groups) {
			if _, err := run(ctx, tx, stWorkingGroupUpsert, rowsParam(chunk)); err != nil {
				return err
			}
		}
		if err := putOrganisations(ctx, tx, snap.Organisations, "organisations"); err != nil {
			return err
		}
		if err := putOffers(ctx, tx, snap.Offers, "offers"); err != nil {
			return err
		}
		if err := putCooperations(ctx, tx, snap.Cooperations, "cooperations"); err != nil {
			return err
		}
		if err := putProposals(ctx, tx, snap.CooperationProposals, "cooperationProposals"); err != nil {
			return err
		}
		return putUnmetNeeds(ctx, tx, snap.UnmetNeeds, "unmetNeeds")
	}))
}

// Export returns everything, each list ordered by id (cooperations by A, B),
// read in one transaction.
func (s *Store) Export(ctx context.Context) (directory.Snapshot, error) {
	var snap directory.Snapshot
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		snap = directory.Snapshot{Format: directory.SnapshotFormat}
		recs, err := run(ctx, tx, stExportDistricts, noParams())
		if err != nil {
			return err
		}
		snap.Districts = make([]directory.District, 0, len(recs))
		for _, rec := range recs {
			snap.Districts = append(snap.Districts, decodeDistrict(asRow(rec, "district")))
		}
		if recs, err = run(ctx, tx, stExportWorkingGroups, noParams()); err != nil {
			return err
		}
		snap.WorkingGroups = make([]directory.WorkingGroup, 0, len(recs))
		for _, rec := range recs {
			snap.WorkingGroups = append(snap.WorkingGroups, decodeWorkingGroup(asRow(rec, "workingGroup")))
		}
		if recs, err = run(ctx, tx, stExportOrganisations, noParams()); err != nil {
			return err
		}
		if snap.Organisations, err = readOrganisations(recs); err != nil {
			return err
		}
		if recs, err = run(ctx, tx, stExportOffers, noParams()); err != nil {
			return err
		}
		if snap.Offers, err = readOffers(recs); err != nil {
			return err
		}
		if recs, err = run(ctx, tx, stExportCooperations, noParams()); err != nil {
			return err
		}
		snap.Cooperations = readCooperations(recs)
		if recs, err = run(ctx, tx, stExportProposals, noParams()); err != nil {
			return err
		}
		snap.CooperationProposals = readProposals(recs)
		if recs, err = run(ctx, tx, stExportUnmetNeeds, noParams()); err != nil {
			return err
		}
		snap.UnmetNeeds = make([]directory.UnmetNeed, 0, len(recs))
		for _, rec := range recs {
			snap.UnmetNeeds = append(snap.UnmetNeeds, decodeUnmetNeed(asRow(rec, "unmetNeed")))
		}
		return nil
	})
	return snap, err
}

// Counts says how much is stored, counted in Neo4j.
func (s *Store) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		rec, err := single(ctx, tx, stCounts, noParams())
		if err != nil {
			return err
		}
		n := func(k string) int { v, _ := get(rec, k).(int64); return int(v) }
		c = store.Counts{
			Districts: n("districts"), WorkingGroups: n("workingGroups"), Organisations: n("organisations"),
			Offers: n("offers"), Cooperations: n("cooperations"), UnmetNeeds: n("unmetNeeds"),
			CooperationProposals: n("cooperationProposals"),
		}
		return nil
	})
	return c, err
}
