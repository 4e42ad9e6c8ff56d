package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/respcache"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
)

func newServe() *cobra.Command {
	var (
		sf            = storeFlags{create: true}
		addr          string
		withDemo      bool
		corsOrigins   []string
		introspection bool
		logLevel      string
		logFormat     string
		hard          hardening
		pprofAddr     string
		retentionDays int
		readIndex     bool
		responseCache int64
		memoryLimit   string
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the GraphQL API (/graphql) and the web front end (/, GraphiQL at /graphiql)",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := setupLogging(logLevel, logFormat); err != nil {
				return err
			}
			cfg, err := hard.config(cmd, corsOrigins, introspection, withDemo)
			if err != nil {
				return err
			}
			if responseCache < 0 {
				return errors.New("--response-cache: must be ≥ 0 bytes (0: no cache)")
			}
			cfg.ResponseCache = responseCache
			if pprofAddr != "" {
				if err := startPprof(pprofAddr); err != nil {
					return err
				}
			}
			limit, err := limitServeMemory(memoryLimit)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := sf.openWaiting(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			if readIndex {
				if st, err = withReadIndex(ctx, st, limit); err != nil {
					return err
				}
			}
			svc := service.New(st)
			if withDemo {
				if err := seedDemo(access.WithPrincipal(ctx, access.Operator), svc, os.Stderr); err != nil {
					return err
				}
			}
			if retentionDays < 0 || retentionDays > service.MaxRetentionDays {
				return fmt.Errorf("--%s: must be between 0 and %d", retentionFlag, service.MaxRetentionDays)
			}
			go runRetention(ctx, svc, retentionDays, retentionEvery)
			return listenAndServe(ctx, addr, server.New(cfg, svc), &hard, sf.describe())
		},
	}
	sf.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&addr, "addr", ":8080", "listen address")
	fl.BoolVar(&withDemo, "demo", false, "fill an empty store with the demo network of Solingen and Wuppertal and print a token per role")
	fl.StringSliceVar(&corsOrigins, "cors-origins", []string{"*"}, "browser origins allowed by CORS, comma-separated")
	fl.BoolVar(&introspection, "introspection", true, "allow schema introspection")
	fl.StringVar(&logLevel, "log-level", "info", "debug, info, warn or error")
	fl.StringVar(&logFormat, "log-format", "text", "text or json")
	fl.StringVar(&pprofAddr, "pprof", "", "serve Go's profiling endpoints at this loopback address (e.g. 127.0.0.1:6060); off when empty")
	fl.BoolVar(&readIndex, "read-index", true, "answer directory reads (offer search, offers, organisations, districts) from an in-memory index kept current by the store's change log")
	fl.Int64Var(&responseCache, "response-cache", respcache.DefaultBytes, "bytes of memory for whole answers to directory queries, served again while the directory is unchanged (0: no cache)")
	fl.StringVar(&memoryLimit, "memory-limit", defaultServeMemoryLimit, "soft limit on the Go runtime's memory (as GOMEMLIMIT: 230MiB, 1GiB; 0 = none); the collector works harder near it. GOMEMLIMIT, when set, wins")
	fl.IntVar(&retentionDays, retentionFlag, referral.DefaultRetentionDays, retentionUsage)
	hard.register(cmd)
	return cmd
}

// listenAndServe serves h at addr with the hardening's timeouts until ctx
// ends, then shuts down gracefully.
func listenAndServe(ctx context.Context, addr string, h http.Handler, hard *hardening, desc string) error {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: hard.readHeaderTimeout,
		ReadTimeout:       hard.readTimeout,
		WriteTimeout:      hard.writeTimeout,
		IdleTimeout:       hard.idleTimeout,
		MaxHeaderBytes:    hard.maxHeaderBytes,
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	slog.Info("lotse serving", "addr", ln.Addr().String(), "store", desc, "web", "http://"+hostPort(ln.Addr()), "graphiql", "http://"+hostPort(ln.Addr())+"/graphiql")
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func hostPort(a net.Addr) string {
	s := a.String()
	if strings.HasPrefix(s, "[::]") || strings.HasPrefix(s, "0.0.0.0") {
		_, port, _ := net.SplitHostPort(s)
		return "localhost:" + port
	}
	return s
}

// seedDemo fills an empty store with the demo network and prints one fresh
// demo token per role (the service revokes the previous ones).
func seedDemo(ctx context.Context, svc *service.Service, w io.Writer) error {
	snap := demo.Demo()
	seed, err := svc.SeedDemo(ctx, snap)
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	if seed.Loaded {
		refs, _ := demo.DemoReferrals(snap)
		if err := svc.ImportReferrals(ctx, refs); err != nil {
			return fmt.Errorf("demo referrals: %w", err)
		}
		slog.Info("demo data loaded", "organisations", len(snap.Organisations), "offers", len(snap.Offers), "referrals", len(refs))
	} else {
		slog.Info("store already has data; demo data not loaded", "organisations", seed.Before.Organisations, "offers", seed.Before.Offers)
	}
	fmt.Fprintln(w, "Demo tokens (use as: Authorization: Bearer <token>):")
	for _, t := range seed.Tokens {
		extra := ""
		if t.OrganisationID != "" {
			extra = " (organisation " + t.OrganisationID + ")"
		}
		fmt.Fprintf(w, "  %-13s %s%s\n", t.Role, t.Secret, extra)
	}
	return nil
}

// hardening holds the flags of serve that bound what clients may ask of the
// server (each also LOTSE_<FLAG>, e.g. LOTSE_RATE_LIMIT=0).
type hardening struct {
	production        bool
	graphiql          bool
	trustProxy        bool
	maxDepth          int
	maxComplexity     int
	maxAliases        int
	maxBodyBytes      int64
	maxHeaderBytes    int
	rateLimit         float64
	rateBurst         int
	addressRateLimit  float64
	addressRateBurst  int
	requestTimeout    time.Duration
	readHeaderTimeout time.Duration
	readTimeout       time.Duration
	writeTimeout      time.Duration
	idleTimeout       time.Duration
}

func (h *hardening) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&h.production, "production", false, "production mode: no introspection, no GraphiQL, and --cors-origins must name origins (not *)")
	fl.BoolVar(&h.graphiql, "graphiql", true, "serve GraphiQL at /graphiql (off with --production)")
	fl.BoolVar(&h.trustProxy, "trust-proxy", false, "take the client address from X-Forwarded-For (only behind a reverse proxy that sets it)")
	fl.IntVar(&h.maxDepth, "max-depth", server.DefaultMaxDepth, "deepest field nesting of a query (-1: no limit)")
	fl.IntVar(&h.maxComplexity, "max-complexity", server.DefaultMaxComplexity, "highest cost of a query; lists count times their size (-1: no limit)")
	fl.IntVar(&h.maxAliases, "max-aliases", server.DefaultMaxAliases, "most aliased fields in a query (-1: no limit)")
	fl.Int64Var(&h.maxBodyBytes, "max-body-bytes", server.DefaultMaxBodyBytes, "largest request body in bytes; larger ones get 413 (-1: no limit)")
	fl.IntVar(&h.maxHeaderBytes, "max-header-bytes", 64<<10, "largest request header (and GET query) in bytes")
	fl.Float64Var(&h.rateLimit, "rate-limit", 20, "requests per second per token (0: no limit)")
	fl.IntVar(&h.rateBurst, "rate-burst", 40, "requests a token may send at once before --rate-limit applies")
	fl.Float64Var(&h.addressRateLimit, "rate-limit-address", 50, "requests per second per client address, with or without a token (0: no limit)")
	fl.IntVar(&h.addressRateBurst, "rate-burst-address", 100, "requests an address may send at once before --rate-limit-address applies")
	fl.DurationVar(&h.requestTimeout, "request-timeout", 30*time.Second, "longest work on one GraphQL request (0: none)")
	fl.DurationVar(&h.readHeaderTimeout, "read-header-timeout", 10*time.Second, "time to read a request's headers")
	fl.DurationVar(&h.readTimeout, "read-timeout", 30*time.Second, "time to read a whole request")
	fl.DurationVar(&h.writeTimeout, "write-timeout", 60*time.Second, "time to write a response")
	fl.DurationVar(&h.idleTimeout, "idle-timeout", 120*time.Second, "time a kept-alive connection may idle")
}

// config builds the server's configuration and refuses unsafe combinations.
func (h *hardening) config(cmd *cobra.Command, corsOrigins []string, introspection, demo bool) (server.Config, error) {
	cfg := server.Config{
		CORSOrigins:   corsOrigins,
		Introspection: introspection,
		GraphiQL:      h.graphiql,
		Production:    h.production,
		Limits: server.Limits{
			MaxDepth: h.maxDepth, MaxComplexity: h.maxComplexity, MaxAliases: h.maxAliases, MaxBodyBytes: h.maxBodyBytes,
		},
		TokenRate:      server.RateLimit{PerSecond: h.rateLimit, Burst: h.rateBurst},
		AddressRate:    server.RateLimit{PerSecond: h.addressRateLimit, Burst: h.addressRateBurst},
		TrustProxy:     h.trustProxy,
		RequestTimeout: h.requestTimeout,
	}
	for name, v := range map[string]int{"max-depth": h.maxDepth, "max-complexity": h.maxComplexity, "max-aliases": h.maxAliases} {
		if v == 0 {
			return cfg, errors.New("--" + name + ": 0 would refuse every query; use -1 for no limit")
		}
	}
	if h.maxBodyBytes == 0 {
		return cfg, errors.New("--max-body-bytes: 0 would refuse every request; use -1 for no limit")
	}
	if h.rateLimit < 0 || h.addressRateLimit < 0 {
		return cfg, errors.New("--rate-limit, --rate-limit-address: must be ≥ 0 (0: no limit)")
	}
	if h.production {
		fl := cmd.Flags()
		switch {
		case fl.Changed("introspection") && introspection:
			return cfg, errors.New("--introspection: a production server does not answer introspection")
		case fl.Changed("graphiql") && h.graphiql:
			return cfg, errors.New("--graphiql: a production server does not serve GraphiQL")
		case demo:
			return cfg, errors.New("--demo: a production server does not load demo data or print demo tokens")
		}
	}
	if err := cfg.Check(); err != nil {
		return cfg, err
	}
	if h.rateLimit == 0 || h.addressRateLimit == 0 {
		slog.Warn("rate limiting is off", "rate-limit", h.rateLimit, "rate-limit-address", h.addressRateLimit)
	}
	return cfg, nil
}
