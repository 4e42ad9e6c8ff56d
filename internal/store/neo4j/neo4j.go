// Package neo4j is Lotse's production store: the directory as the graph of
// DESIGN.md §3 in Neo4j 5 (5.23 or later, for CALL (x) { } subqueries; 5.26
// LTS recommended), reached with neo4j-go-driver v5. Every statement
// is a .cypher file in cypher/ (embedded), run with parameters only.
//
// Reads run in read transactions (routed to readers on neo4j:// URIs), writes
// in write transactions that the driver retries on transient failures, so
// every write is idempotent: MERGE on id, or check-then-create inside the
// transaction. All sessions share the driver's bookmark manager, so a read
// sees every write this process committed before it, even on a cluster.
//
// Beyond DESIGN.md §3 the graph keeps, each for a reason:
//   - searchText on Offer and Organisation: directory.Fold of the title (name)
//     and description, which the text filter searches with CONTAINS (TEXT index);
//   - searchKeys on Offer: a token per filterable value and grid cell, which
//     the full-text index offer_search holds beside searchText (searchkeys.go);
//   - gapKey on Offer: the fields the gap rules read in one string, so that a
//     gap report reads one property per offer instead of eight (gapkey.go);
//   - needs, targetGroups, languages, legalCircuits as list properties on Offer
//     besides the relationships, because lists must read back in the order
//     written (export → import is byte-identical); filters use the relationships;
//   - MEMBER_OF {position}, the place in the list as written (the list reads
//     back ordered by id, as from the embedded store);
//   - times as fixed-width UTC text (updatedAt, createdAt, at), which sorts in
//     time order to the nanosecond and reads back exactly;
//   - AuditEntry.seq, drawn from one (:Sequence {id: "audit"}) node in the
//     writing transaction, so that "newest first" is commit order.
package neo4j

import (
	"context"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/lotse-kim/lotse/internal/store"
)

// Config says where Neo4j is and how long to wait for it.
type Config struct {
	URI      string // bolt://host:7687, neo4j://host:7687 (routing), neo4j+s://… (Aura)
	Username string
	Password string
	Database string // default "neo4j"
	// MaxPoolSize bounds the connections per server (default: the driver's, 100).
	MaxPoolSize int
	// Timeout bounds every call that has no shorter deadline of its own (default 10 s).
	Timeout time.Duration
	// ImportTimeout bounds Import, which writes a whole snapshot in one
	// transaction (default 15 min).
	ImportTimeout time.Duration
}

const (
	defaultTimeout       = 10 * time.Second
	defaultImportTimeout = 15 * time.Minute
	// While Neo4j is away, requests fail after at most these and report
	// store.ErrUnavailable; the driver reconnects by itself when it returns.
	connectTimeout     = 3 * time.Second
	acquisitionTimeout = 5 * time.Second
	pingTimeout        = 3 * time.Second
	livenessCheckAfter = 30 * time.Second
	// importChunk is how many rows one UNWIND of Import carries; the chunks
	// of one import all run in the same transaction.
	importChunk = 1000
)

// Store is the Neo4j backend of store.Store.
type Store struct {
	driver        neo4j.DriverWithContext
	db            string
	username      string // for the message of an *AuthError
	timeout       time.Duration
	importTimeout time.Duration
	gaps          store.GapMemo // the directory's part of recent gap facts (steering.go)
	bases         gapBases      // what recent gap facts were folded from (steering.go)
}

var _ store.Store = (*Store)(nil)

// Open connects to Neo4j, checks that it answers and creates the schema
// (constraints and indexes, each IF NOT EXISTS, each in its own transaction).
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = defaultTimeout
	}
	if cfg.ImportTimeout <= 0 {
		cfg.ImportTimeout = defaultImportTimeout
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" || cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		if cfg.MaxPoolSize > 0 {
			c.MaxConnectionPoolSize = cfg.MaxPoolSize
		}
		c.ConnectionAcquisitionTimeout = acquisitionTimeout
		c.SocketConnectTimeout = connectTimeout
		c.SocketKeepalive = true
		// A connection idle this long is checked before use, so that after a
		// Neo4j restart the pool drops dead connections instead of failing
		// a request on each.
		c.ConnectionLivenessCheckTimeout = livenessCheckAfter
		// Retries of a transaction never outlast one call's budget.
		c.MaxTransactionRetryTime = cfg.Timeout
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j %s: %w: %v", cfg.URI, ErrURI, err)
	}
	s := &Store{driver: driver, db: cfg.Database, username: cfg.Username, timeout: cfg.Timeout, importTimeout: cfg.ImportTimeout}
	if err := s.Ping(ctx); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("neo4j %s: %w", cfg.URI, err)
	}
	if err := s.migrate(ctx); err != nil {
		driver.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("neo4j %s schema: %w", cfg.URI, err)
	}
	return s, nil
}

// Close closes the driver and its connections.
func (s *Store) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), pingTimeout)
	defer cancel()
	return s.driver.Close(ctx)
}

// Ping checks that Neo4j answers; if not, the error wraps store.ErrUnavailable.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := bound(ctx, pingTimeout)
	defer cancel()
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		if ae, ok := authError(err, s.username); ok {
			return ae
		}
		return unavailable(err)
	}
	return nil
}

// migrate runs the schema statements in file order, each in its own
// transaction (Neo4j does not mix schema and data writes in one).
func (s *Store) migrate(ctx context.Context) error {
	files, err := fs.Glob(cypherFS, "cypher/schema/*.cypher")
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		text, err := fs.ReadFile(cypherFS, f)
		if err != nil {
			return err
		}
		err = s.session(ctx, neo4j.AccessModeWrite, s.timeout, func(ctx context.Context, sess neo4j.SessionWithContext) error {
			_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
				res, err := tx.Run(ctx, string(text), nil)
				if err != nil {
					return nil, err
				}
				_, err = res.Consume(ctx)
				return nil, err
			})
			return err
		})
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	return s.prepareOfferSearch(ctx)
}

// bound gives ctx a deadline at most d away.
func bound(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) <= d {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d)
}

// session runs fn with a session of the given mode on the configured
// database, under a deadline of at most d, and maps its error.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode, d time.Duration,
	fn func(ctx context.Context, sess neo4j.SessionWithContext) error) error {
	ctx, cancel := bound(ctx, d)
	defer cancel()
	cfg := neo4jSessionConfig(s)
	cfg.AccessMode = mode
	sess := s.driver.NewSession(ctx, cfg)
	err := fn(ctx, sess)
	// Closing must not fail because the call's deadline has passed.
	cctx, ccancel := context.WithTimeout(context.WithoutCancel(ctx), pingTimeout)
	defer ccancel()
	if cerr := sess.Close(cctx); err == nil && cerr != nil {
		err = cerr
	}
	return mapError(err)
}

// neo4jSessionConfig names the database and shares the driver's bookmark
// manager, so that every session reads what this process wrote before.
func neo4jSessionConfig(s *Store) neo4j.SessionConfig {
	return neo4j.SessionConfig{
		AccessMode:      neo4j.AccessModeWrite,
		DatabaseName:    s.db,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
		// run collects every record anyway: one PULL instead of one per
		// 1,000 records.
		FetchSize: neo4j.FetchAll,
	}
}

// read runs fn in one read transaction. fn may run more than once (the
// driver retries transient failures), so it must set its results afresh.
func (s *Store) read(ctx context.Context, fn func(ctx context.Context, tx neo4j.ManagedTransaction) error) error {
	return s.session(ctx, neo4j.AccessModeRead, s.timeout, func(ctx context.Context, sess neo4j.SessionWithContext) error {
		_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return nil, final(fn(ctx, tx))
		}, neo4j.WithTxTimeout(s.timeout))
		return err
	})
}

// write runs fn in one write transaction and, in the same transaction,
// stores the audit entry carried by ctx. fn may run more than once, so it
// must be idempotent.
func (s *Store) write(ctx context.Context, fn func(ctx context.Context, tx neo4j.ManagedTransaction) error) error {
	return s.writeWithin(ctx, s.timeout, fn)
}

func (s *Store) writeWithin(ctx context.Context, d time.Duration, fn func(ctx context.Context, tx neo4j.ManagedTransaction) error) error {
	return s.session(ctx, neo4j.AccessModeWrite, d, func(ctx context.Context, sess neo4j.SessionWithContext) error {
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return nil, audited(fn)(ctx, tx)
		}, neo4j.WithTxTimeout(d))
		return err
	})
}

// writeOnce runs fn as writeWithin does, but in a single attempt: for an
// import, which a retry would only repeat for minutes (and the driver
// retries even a memory limit met at commit).
func (s *Store) writeOnce(ctx context.Context, d time.Duration, fn func(ctx context.Context, tx neo4j.ManagedTransaction) error) error {
	return s.session(ctx, neo4j.AccessModeWrite, d, func(ctx context.Context, sess neo4j.SessionWithContext) error {
		tx, err := sess.BeginTransaction(ctx, neo4j.WithTxTimeout(d))
		if err != nil {
			return err
		}
		defer func() { // rolls back unless committed, even past the call's deadline
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), pingTimeout)
			defer cancel()
			_ = tx.Close(cctx)
		}()
		if err := audited(fn)(ctx, tx); err != nil {
			return err
		}
		return final(tx.Commit(ctx))
	})
}

// audited runs fn and then, in the same transaction, stores the audit
// entry carried by ctx. Errors come through final.
func audited(fn func(ctx context.Context, tx neo4j.ManagedTransaction) error) func(ctx context.Context, tx neo4j.ManagedTransaction) error {
	return func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		if err := fn(ctx, tx); err != nil {
			return final(err)
		}
		// Read after fn: an update function completes the entry's changes.
		if e, ok := store.AuditFrom(ctx); ok {
			audit, err := auditInsertParams(e)
			if err != nil {
				return err
			}
			if _, err := run(ctx, tx, stAuditInsert, audit); err != nil {
				return final(err)
			}
		}
		return nil
	}
}

// run runs one statement with its parameters and collects the records. A
// parameter the statement uses but params lacks is a programming error,
// reported before the statement is sent. Driver errors are returned as they
// are, so that the driver still recognises the ones worth a retry.
func run(ctx context.Context, tx neo4j.ManagedTransaction, st *statement, params map[string]any) ([]*neo4j.Record, error) {
	for _, p := range st.params {
		if _, ok := params[p]; !ok {
			return nil, fmt.Errorf("neo4j: statement %s: parameter $%s not supplied", st.name, p)
		}
	}
	res, err := tx.Run(ctx, st.text, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// single runs a statement that returns exactly one record.
func single(ctx context.Context, tx neo4j.ManagedTransaction, st *statement, params map[string]any) (*neo4j.Record, error) {
	recs, err := run(ctx, tx, st, params)
	if err != nil {
		return nil, err
	}
	if len(recs) != 1 {
		return nil, fmt.Errorf("neo4j: statement %s returned %d records, want 1", st.name, len(recs))
	}
	return recs[0], nil
}

// collected runs a statement that returns one record holding its rows as
// the list key (`RETURN collect(…) AS key`). Large results come this way:
// the driver reads every record in a goroutine of its own, which for
// 100,000 records costs more CPU than the query.
func collected(ctx context.Context, tx neo4j.ManagedTransaction, st *statement, params map[string]any, key string) ([]any, error) {
	rec, err := single(ctx, tx, st, params)
	if err != nil {
		return nil, err
	}
	list, _ := get(rec, key).([]any)
	return list, nil
}

// exists runs an *_exists statement.
func exists(ctx context.Context, tx neo4j.ManagedTransaction, st *statement, id string) (bool, error) {
	rec, err := single(ctx, tx, st, idParam(id))
	if err != nil {
		return false, err
	}
	found, _ := get(rec, "found").(bool)
	return found, nil
}

// claimID creates the node of a new record with only its id (st is an
// *_create statement). A taken id breaks the uniqueness constraint, which
// Neo4j checks atomically, and becomes a *Conflict on "id"; what is taken is
// recognised by the status code, not by the message.
func claimID(ctx context.Context, tx neo4j.ManagedTransaction, st *statement, id, what string) error {
	_, err := run(ctx, tx, st, idParam(id))
	if isConstraintViolation(err) {
		return &store.Conflict{Field: "id", Reason: fmt.Sprintf("%s %q already exists", what, id)}
	}
	return err
}

// lockedRead takes the write lock of node id with lock, then reads it with
// byID (which takes $ids).
func lockedRead[T any](ctx context.Context, tx neo4j.ManagedTransaction, lock, byID *statement, id string,
	decode func([]*neo4j.Record) ([]T, error)) ([]T, error) {
	if _, err := run(ctx, tx, lock, idParam(id)); err != nil {
		return nil, err
	}
	recs, err := run(ctx, tx, byID, idsParam([]string{id}))
	if err != nil {
		return nil, err
	}
	return decode(recs)
}

// chunks splits rows into UNWIND batches of importChunk.
func chunks(rows []any) [][]any {
	var out [][]any
	for len(rows) > importChunk {
		out = append(out, rows[:importChunk])
		rows = rows[importChunk:]
	}
	if len(rows) > 0 {
		out = append(out, rows)
	}
	return out
}
