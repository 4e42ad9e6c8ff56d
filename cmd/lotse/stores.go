package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
	"github.com/lotse-kim/lotse/internal/store/readindex"
	"github.com/lotse-kim/lotse/internal/store/sqlite"
)

// storeFlags select the store: the embedded SQLite file, or Neo4j when a URI is given.
type storeFlags struct {
	data          string
	neo4jURI      string
	neo4jUser     string
	neo4jPassword string
	neo4jDatabase string
	neo4jPool     int
	neo4jTimeout  time.Duration
	// create lets the command start a new embedded store when --data names
	// no file (serve and import). Every other command refuses, so that a
	// typo in --data fails instead of reading an empty new database (an
	// empty backup, an empty report, no tokens).
	create bool
}

var storeEnvAliases = map[string][]string{
	"neo4j-uri":      {"NEO4J_URI"},
	"neo4j-username": {"NEO4J_USERNAME"},
	"neo4j-password": {"NEO4J_PASSWORD"},
	"neo4j-database": {"NEO4J_DATABASE"},
}

func (f *storeFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.data, "data", "./lotse.db", "path of the embedded store (SQLite file)")
	fl.StringVar(&f.neo4jURI, "neo4j-uri", "", "use Neo4j at this URI instead of the embedded store (bolt://, neo4j://, neo4j+s://)")
	fl.StringVar(&f.neo4jUser, "neo4j-username", "neo4j", "Neo4j user")
	fl.StringVar(&f.neo4jPassword, "neo4j-password", "", "Neo4j password (prefer the environment variable NEO4J_PASSWORD)")
	fl.StringVar(&f.neo4jDatabase, "neo4j-database", "neo4j", "Neo4j database name")
	fl.IntVar(&f.neo4jPool, "neo4j-pool-size", 100, "maximum Neo4j connections")
	fl.DurationVar(&f.neo4jTimeout, "neo4j-timeout", 10*time.Second, "deadline of each Neo4j call")
}

// describe names the store the flags select, for logs and messages.
func (f *storeFlags) describe() string {
	if f.neo4jURI != "" {
		return "neo4j " + f.neo4jURI
	}
	return "sqlite " + f.data
}

func (f *storeFlags) open(ctx context.Context) (store.Store, error) {
	if f.neo4jURI != "" {
		return openNeo4j(ctx, f)
	}
	if !f.create {
		if _, err := os.Stat(f.data); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("--data %s: no such database file (lotse serve or lotse import create one)", f.data)
		}
	}
	return sqlite.Open(ctx, f.data)
}

// openWaiting opens the store; a Neo4j that is not reachable yet (a cluster
// still starting, a restart) is retried until it answers or the process is
// stopped, so that replicas need no start order.
func (f *storeFlags) openWaiting(ctx context.Context) (store.Store, error) {
	for delay := time.Second; ; delay = min(2*delay, 30*time.Second) {
		s, err := f.open(ctx)
		if err == nil || f.neo4jURI == "" || !errors.Is(err, store.ErrUnavailable) {
			return s, err
		}
		slog.Warn("store not reachable yet; retrying", "err", err, "in", delay)
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(delay):
		}
	}
}

// withReadIndex puts the in-memory read index in front of st
// (internal/store/readindex), logging how long it took to build, and
// raises the soft memory limit in force (0: none) if the index leaves
// too little room under it.
func withReadIndex(ctx context.Context, st store.Store, memoryLimit int64) (store.Store, error) {
	start := time.Now()
	ix, err := readindex.New(ctx, st)
	if err != nil {
		return nil, err
	}
	// Building read the whole directory once; hand that garbage back to the
	// system now rather than letting it count as resident for minutes.
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	slog.Info("read index built", "took", time.Since(start).Round(time.Millisecond), "heapMiB", m.HeapAlloc>>20)
	roomAboveLiveHeap(memoryLimit)
	return ix, nil
}

// withService is the preamble of every command that works on the store
// (the root command has read the environment): open the store given by sf
// and run fn with the service as principal p; the store is closed afterwards.
func withService(cmd *cobra.Command, sf *storeFlags, p access.Principal, fn func(ctx context.Context, svc *service.Service) error) error {
	st, err := sf.open(cmd.Context())
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(access.WithPrincipal(cmd.Context(), p), service.New(st))
}
