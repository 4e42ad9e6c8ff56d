package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

// Import upserts a whole snapshot in one transaction: all of it or nothing.
// References are checked against the database as it stands after the
// import, so a snapshot may refer to stored records. It reports its
// progress to store.ImportProgressFrom(ctx) as it writes.
func (s *Store) Import(ctx context.Context, snap directory.Snapshot) error {
	p := newImportProgress(ctx, snap)
	return s.withoutForeignKeys(ctx, func(conn *sql.Conn) error {
		return s.writeOn(ctx, conn, logged(ctx, store.ChangeAll, []string{}, func(tx *sql.Tx) error { return s.importTx(ctx, tx, snap, p) }))
	})
}

// withoutForeignKeys runs fn on the writer connection with foreign keys
// off, and on again afterwards. Parents may come after their parts, and
// importDangling checks every reference at the end, naming it; SQLite's own
// checks would only repeat that per row, and they make every statement keep
// a statement journal (12 % of an NRW import's CPU, measured). The pragma
// cannot change inside a transaction, hence the connection of its own.
func (s *Store) withoutForeignKeys(ctx context.Context, fn func(conn *sql.Conn) error) error {
	conn, err := s.w.Conn(ctx)
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	defer conn.Close()
	if _, err := exec(ctx, conn, stImportForeignKeysOff); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	err = fn(conn)
	// context.WithoutCancel: a cancelled import must still leave the
	// connection with its checks on for the writes after it.
	if _, rerr := exec(context.WithoutCancel(ctx), conn, stImportForeignKeysOn); rerr != nil {
		// A connection left without its checks must not serve another write.
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		return errors.Join(err, fmt.Errorf("import: foreign keys on again: %w", rerr))
	}
	return err
}

func (s *Store) importTx(ctx context.Context, tx *sql.Tx, snap directory.Snapshot, p *importProgress) error {
	var deferred offerSchema
	if len(snap.Offers) >= bulkImportMin {
		var err error
		if deferred, err = deferOfferSchema(ctx, tx); err != nil {
			return err
		}
	}
	for _, d := range snap.Districts {
		if err := putDistrict(ctx, tx, d); err != nil {
			return err
		}
		p.record()
	}
	for _, w := range snap.WorkingGroups {
		if err := putWorkingGroup(ctx, tx, w); err != nil {
			return err
		}
		p.record()
	}
	for _, o := range snap.Organisations {
		if err := putOrganisation(ctx, tx, o); err != nil {
			return err
		}
		p.record()
	}
	if err := importOffers(ctx, tx, snap.Offers, p); err != nil {
		return err
	}
	for _, c := range snap.Cooperations {
		if err := putCooperation(ctx, tx, c.Normalized()); err != nil {
			return err
		}
		p.record()
	}
	for i, pr := range snap.CooperationProposals {
		if err := s.putProposal(ctx, tx, pr.Cooperation, pr.ProposedBy); err != nil {
			return store.Under(fmt.Sprintf("cooperationProposals[%d]", i), err)
		}
	}
	for _, u := range snap.UnmetNeeds {
		if _, err := exec(ctx, tx, stUnmetNeedUpsert, sql.Named("id", u.ID), sql.Named("need", string(u.Need)),
			sql.Named("district_id", u.DistrictID), sql.Named("language", u.Language),
			sql.Named("target_group", string(u.TargetGroup)), sql.Named("recorded_on", u.RecordedOn)); err != nil {
			return translate(err, "unmet need", u.ID)
		}
		p.record()
	}
	if err := deferred.restore(ctx, tx, p); err != nil {
		return err
	}
	if err := importDangling(ctx, tx); err != nil {
		return err
	}
	p.finish()
	return nil
}

func importOffers(ctx context.Context, tx *sql.Tx, offers []directory.Offer, p *importProgress) error {
	var st offerStmts
	for _, x := range []struct {
		p    **sql.Stmt
		text string
	}{{&st.upsert, stOfferUpsert.text}, {&st.clearLangs, stOfferLanguagesClear.text}, {&st.setLangs, stOfferLanguagesSet.text}} {
		stmt, err := tx.PrepareContext(ctx, x.text)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		defer stmt.Close()
		*x.p = stmt
	}
	for _, o := range offers {
		if err := putOffer(ctx, tx, &st, o); err != nil {
			return err
		}
		p.record()
	}
	return nil
}

// importDangling returns the first reference that points nowhere, as a *NotFound.
func importDangling(ctx context.Context, tx *sql.Tx) error {
	var entity, id, field, refEntity, ref string
	err := queryRow(ctx, tx, stImportDangling).Scan(&entity, &id, &field, &refEntity, &ref)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("import: %w", err)
	}
	return fmt.Errorf("import: %s %q: %w", entity, id, &store.NotFound{Field: field, Entity: refEntity, ID: ref})
}

// bulkImportMin is the number of offers from which Import builds the offer
// table's indexes after writing the rows rather than row by row. Row by
// row, every statement's savepoint makes the full-text index flush and merge
// its segments (41 % of an NRW import's CPU, measured), and every index
// takes its rows in random order. A variable so that tests can lower it.
var bulkImportMin = 2000

// deferredTriggers are the triggers on offers whose work
// sql/import_rebuild_offer_indexes.sql does for all rows at once.
var deferredTriggers = []string{
	"offers_fts_insert", "offers_fts_delete", "offers_fts_update",
	"offers_geo_insert", "offers_geo_delete", "offers_geo_update",
	"offers_childcare_geo_insert", "offers_childcare_geo_delete", "offers_childcare_geo_update",
}

// offerSchema is what deferOfferSchema dropped: each object's kind, name
// and its CREATE statement as SQLite stored it.
type offerSchema []struct{ kind, name, ddl string }

// deferOfferSchema drops the secondary indexes of offers and the triggers
// of deferredTriggers inside tx; restore creates them again from their own
// stored text, so that a bulk import cannot drift from the migrations. The
// drops are part of the import's transaction: a failed import rolls them
// back with everything else.
func deferOfferSchema(ctx context.Context, tx *sql.Tx) (offerSchema, error) {
	rows, err := query(ctx, tx, stImportOfferSchema, sql.Named("triggers", jsonArray(deferredTriggers)))
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	defer rows.Close()
	var sc offerSchema
	for rows.Next() {
		var o struct{ kind, name, ddl string }
		if err := rows.Scan(&o.kind, &o.name, &o.ddl); err != nil {
			return nil, fmt.Errorf("import: %w", err)
		}
		sc = append(sc, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if n := len(sc); n == 0 || countKind(sc, "trigger") != len(deferredTriggers) {
		return nil, fmt.Errorf("import: the offer table has %d of the %d triggers a bulk import rebuilds", countKind(sc, "trigger"), len(deferredTriggers))
	}
	for _, o := range sc {
		// DDL takes no parameters; the name comes from sqlite_master, quoted.
		if _, err := tx.ExecContext(ctx, "DROP "+strings.ToUpper(o.kind)+" "+quoteIdent(o.name)); err != nil {
			return nil, fmt.Errorf("import: drop %s %s: %w", o.kind, o.name, err)
		}
	}
	return sc, nil
}

func countKind(sc offerSchema, kind string) int {
	n := 0
	for _, o := range sc {
		if o.kind == kind {
			n++
		}
	}
	return n
}

// restore fills the full-text and position indexes for every offer, then
// creates the dropped indexes and triggers again; nothing dropped: nothing to do.
func (sc offerSchema) restore(ctx context.Context, tx *sql.Tx, p *importProgress) error {
	if len(sc) == 0 {
		return nil
	}
	if _, err := exec(ctx, tx, stImportRebuildOfferIndexes); err != nil {
		return fmt.Errorf("import: rebuild the offer indexes: %w", err)
	}
	p.step(p.rebuild)
	for _, o := range sc {
		if _, err := tx.ExecContext(ctx, o.ddl); err != nil {
			return fmt.Errorf("import: create %s %s again: %w", o.kind, o.name, err)
		}
		if o.kind == "index" {
			p.step(p.index)
		}
	}
	return nil
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// importProgress counts an import's records and, for a bulk import, the
// work after them (offerSchema.restore), weighed in records by what it
// costs, so that the bar moves with the time the import takes.
type importProgress struct {
	fn          store.ImportProgress
	done, total int
	rebuild     int // the full-text and position indexes' rebuild, in records
	index       int // one secondary index of offers, in records
}

// What the steps after a bulk import's records cost, in offers written
// (CPU profile of an NRW import: 158,049 offers and 92,000 other records
// written in 10 s; the full-text and R*Tree rebuild 4.4 s, each of the 8
// indexes of offers 0.28 s).
const (
	rebuildPerOffer = 0.7
	indexPerOffer   = 0.045
)

func newImportProgress(ctx context.Context, snap directory.Snapshot) *importProgress {
	p := &importProgress{fn: store.ImportProgressFrom(ctx), total: store.SnapshotRecords(snap)}
	if n := len(snap.Offers); n >= bulkImportMin {
		p.rebuild, p.index = int(rebuildPerOffer*float64(n)), int(indexPerOffer*float64(n))
		p.total += p.rebuild + bulkIndexes*p.index
	}
	p.fn(0, p.total)
	return p
}

// bulkIndexes is the number of secondary indexes of offers that
// offerSchema.restore creates again.
const bulkIndexes = 8

func (p *importProgress) record() {
	p.done++
	if p.done%256 == 0 {
		p.fn(p.done, p.total)
	}
}

// step counts n records' worth of work after the records.
func (p *importProgress) step(n int) {
	p.done += n
	p.fn(min(p.done, p.total), p.total)
}

func (p *importProgress) finish() {
	p.done = p.total
	p.fn(p.done, p.total)
}

// Export returns everything, each list ordered by id (cooperations by A, B).
func (s *Store) Export(ctx context.Context) (directory.Snapshot, error) {
	// One read transaction, so that the lists are one consistent state.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return directory.Snapshot{}, fmt.Errorf("export: %w", err)
	}
	defer tx.Rollback()
	snap := directory.Snapshot{Format: directory.SnapshotFormat}
	if snap.Districts, err = s.districts(ctx, tx, nil, nil, true); err != nil {
		return snap, err
	}
	if snap.WorkingGroups, err = s.workingGroups(ctx, tx, nil); err != nil {
		return snap, err
	}
	orgs, _, err := s.organisations(ctx, tx, orgQuery{byID: true, limit: -1})
	if err != nil {
		return snap, err
	}
	snap.Organisations = orgs.Organisations
	if snap.Offers, err = s.offers(ctx, tx, nil, nil); err != nil {
		return snap, err
	}
	if snap.Cooperations, err = s.cooperations(ctx, tx, nil); err != nil {
		return snap, err
	}
	if snap.CooperationProposals, err = proposals(ctx, tx, stExportProposals); err != nil {
		return snap, err
	}
	rows, err := query(ctx, tx, stExportUnmetNeeds)
	if err != nil {
		return snap, fmt.Errorf("export: %w", err)
	}
	defer rows.Close()
	snap.UnmetNeeds = []directory.UnmetNeed{}
	for rows.Next() {
		var u directory.UnmetNeed
		var need, group string
		if err := rows.Scan(&u.ID, &need, &u.DistrictID, &u.Language, &group, &u.RecordedOn); err != nil {
			return snap, fmt.Errorf("export: %w", err)
		}
		u.Need, u.TargetGroup = directory.NeedArea(need), directory.TargetGroup(group)
		snap.UnmetNeeds = append(snap.UnmetNeeds, u)
	}
	if err := rows.Err(); err != nil {
		return snap, fmt.Errorf("export: %w", err)
	}
	return snap, nil
}

// Counts says how much is stored.
func (s *Store) Counts(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	if err := queryRow(ctx, s.r, stCounts).Scan(&c.Districts, &c.WorkingGroups, &c.Organisations,
		&c.Offers, &c.Cooperations, &c.UnmetNeeds, &c.CooperationProposals); err != nil {
		return c, fmt.Errorf("counts: %w", err)
	}
	return c, nil
}
