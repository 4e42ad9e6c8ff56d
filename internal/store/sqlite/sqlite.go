// Package sqlite is Lotse's embedded store: one SQLite file (modernc.org/sqlite,
// no cgo) in WAL mode with foreign keys and FTS5. All writes go through one
// connection, so concurrent requests queue instead of failing with
// "database is locked"; reads use a pool of their own.
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	msqlite "modernc.org/sqlite" // also registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is the SQLite backend of store.Store.
type Store struct {
	w     *sql.DB   // exactly one connection: the single writer
	r     *sql.DB   // readers
	stmts stmtCache // prepared hot reads on r
	path  string
	full  atomic.Bool   // the last write failed for a full disk
	gaps  store.GapMemo // the directory's part of recent gap facts (steering.go)
}

// Open opens (creating if needed) the database file at path and applies
// pending migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	q := url.Values{}
	// Page caches, no memory map: a mapped page counts in the process's
	// resident memory, and at NRW scale (a 380 MB file) the readers' maps
	// held 842 MiB under load. Pages come from the operating system's file
	// cache instead (not resident memory of Lotse), each connection keeping
	// its hot pages: 32 MB for the writer, 16 MB per reader (4 readers on 2
	// cores); SQLite's 2 MB default made large reads go to the file each time.
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)", "cache_size(-32768)", "mmap_size(0)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := "file:" + path + "?" + q.Encode()
	w, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	s := &Store{w: w, path: path}
	if err := s.migrate(ctx); err != nil {
		if isFull(err) {
			err = fmt.Errorf("%w: %w", store.ErrStorageFull, err)
		}
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	rq := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)", "query_only(1)", "cache_size(-16384)", "mmap_size(0)"} {
		rq.Add("_pragma", p)
	}
	r, err := sql.Open("sqlite", "file:"+path+"?"+rq.Encode())
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	n := runtime.GOMAXPROCS(0) * 2
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	s.r = r
	return s, nil
}

// Close closes the prepared statements and both connection pools.
func (s *Store) Close() error {
	return errors.Join(s.stmts.close(), s.r.Close(), s.w.Close())
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("%w: %v", store.ErrUnavailable, err)
	}
	return nil
}

// migrate applies migrations/NNNN_*.sql in order, each in its own
// transaction, remembering the applied versions in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	seen := map[int]string{}
	for _, f := range files {
		base := strings.TrimPrefix(f, "migrations/")
		v, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", base)
		}
		// Two files of one number: the second would be skipped as applied.
		if other, dup := seen[v]; dup {
			return fmt.Errorf("migrations %s and %s share the number %d", other, base, v)
		}
		seen[v] = base
		var done int
		if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, v).Scan(&done); err != nil {
			return err
		}
		if done > 0 {
			continue
		}
		body, err := migrations.ReadFile(f)
		if err != nil {
			return err
		}
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", base, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, v, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// write runs fn in a write transaction on the single writer connection and,
// in the same transaction, stores the audit entry carried by ctx.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeOn(ctx, s.w, fn)
}

// txBeginner is the writer pool or one connection taken from it.
type txBeginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// writeOn is write on b, which is s.w or a connection of it.
func (s *Store) writeOn(ctx context.Context, b txBeginner, fn func(tx *sql.Tx) error) error {
	err := s.writeTx(ctx, b, fn)
	switch {
	case err == nil:
		s.full.Store(false)
	case isFull(err):
		s.full.Store(true)
		return fmt.Errorf("%w: %w", store.ErrStorageFull, err)
	}
	return err
}

// isFull reports SQLITE_FULL: the disk, or the database's page limit, is full.
func isFull(err error) bool {
	return sqliteCode(err)&0xff == sqlite3.SQLITE_FULL
}

// WriteError returns store.ErrStorageFull while writes fail for a full
// disk. After a failed write it looks at the file system: once space is
// free again it says so before the next write proves it.
func (s *Store) WriteError(ctx context.Context) error {
	if !s.full.Load() {
		return nil
	}
	if free, ok := freeBytes(filepath.Dir(s.path)); ok && free >= minFreeBytes {
		return nil
	}
	return store.ErrStorageFull
}

// minFreeBytes is the free space from which writes are expected to work.
const minFreeBytes = 1 << 20

func (s *Store) writeTx(ctx context.Context, b txBeginner, fn func(tx *sql.Tx) error) error {
	tx, err := b.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if e, ok := store.AuditFrom(ctx); ok {
		changes, err := json.Marshal(e.Changes)
		if err != nil {
			tx.Rollback()
			return err
		}
		if _, err := exec(ctx, tx, stAuditInsert, e.ID, e.At.UTC().Format(time.RFC3339Nano), e.ActorID, e.ActorName,
			string(e.Role), e.Action, e.EntityType, e.EntityID, string(changes)); err != nil {
			tx.Rollback()
			return fmt.Errorf("audit: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// lotse_distance_km gives SQL exactly directory.DistanceKm, so that radius
// filters and reported distances agree with the domain to the last bit.
func init() {
	msqlite.MustRegisterDeterministicScalarFunction("lotse_distance_km", 4,
		func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			var v [4]float64
			for i, a := range args {
				switch x := a.(type) {
				case float64:
					v[i] = x
				case int64:
					v[i] = float64(x)
				default:
					return nil, nil // a missing position has no distance
				}
			}
			return directory.DistanceKm(directory.GeoPoint{Lat: v[0], Lon: v[1]}, directory.GeoPoint{Lat: v[2], Lon: v[3]}), nil
		})
}

// queryer is what both *sql.DB and *sql.Tx offer for reads.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (s *Store) exists(ctx context.Context, q queryer, entity, id string) (bool, error) {
	var ok bool
	if err := queryRow(ctx, q, stExists, sql.Named("entity", entity), sql.Named("id", id), sql.Named("other", nil)).Scan(&ok); err != nil {
		return false, fmt.Errorf("look up %s %q: %w", entity, id, err)
	}
	return ok, nil
}

// mustExist returns a *NotFound on field unless the referenced record exists.
func (s *Store) mustExist(ctx context.Context, q queryer, field, entity, id string) error {
	if id == "" {
		return nil
	}
	ok, err := s.exists(ctx, q, entity, id)
	if err != nil {
		return err
	}
	if !ok {
		return &store.NotFound{Field: field, Entity: entity, ID: id}
	}
	return nil
}
