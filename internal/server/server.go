// Package server is Lotse's HTTP front: security headers, CORS, rate limits,
// request limits, authentication, per-request dataloaders, the GraphQL
// endpoint, the web front end (with GraphiQL) and the health probes.
package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lotse-kim/lotse/graph"
	"github.com/lotse-kim/lotse/graph/generated"
	"github.com/lotse-kim/lotse/internal/respcache"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/web"
)

// Config is what the HTTP front can be told.
type Config struct {
	// CORSOrigins are the browser origins allowed to call the API ("*" = any).
	CORSOrigins []string
	// Introspection enables schema introspection (on by default).
	Introspection bool
	// GraphiQL serves the bundled GraphiQL page at "/graphiql".
	GraphiQL bool
	// Web holds the front end's built files; nil: the embedded web/dist.
	Web fs.FS
	// Production turns introspection and GraphiQL off whatever the fields
	// above say; Check refuses CORS for any origin with it.
	Production bool
	// Limits bound the size and shape of one request (zero: defaults).
	Limits Limits
	// TokenRate limits the requests of each token, AddressRate those of each
	// client address (all requests, before authentication). Zero: no limit.
	TokenRate, AddressRate RateLimit
	// TrustProxy takes the client address from X-Forwarded-For (set it
	// only behind a reverse proxy that sets that header).
	TrustProxy bool
	// RequestTimeout bounds the work on one GraphQL request (0: none).
	RequestTimeout time.Duration
	// ResponseCache is the memory budget in bytes of the cache of whole
	// answers to directory queries (internal/respcache); 0: no cache.
	ResponseCache int64
}

// Check refuses settings that are unsafe together.
func (c Config) Check() error {
	if c.Production {
		for _, o := range c.CORSOrigins {
			// A pattern (https://*) lets any site's scripts call the API
			// with a victim's token as surely as * does.
			if strings.Contains(o, "*") {
				return fmt.Errorf("--cors-origins: a production server allows no wildcard origin (%q); name the origins of your dashboards", strings.TrimSpace(o))
			}
		}
	}
	return nil
}

// WebFiles are the front end's files: Web, or the ones embedded in the binary.
func (c Config) WebFiles() fs.FS {
	if c.Web != nil {
		return c.Web
	}
	return web.Dist()
}

// New returns the whole HTTP handler of Lotse.
func New(cfg Config, svc *service.Service) http.Handler {
	if cfg.Production {
		cfg.Introspection, cfg.GraphiQL = false, false
	}
	limits := cfg.Limits.withDefaults()
	gql := graphQLHandler(cfg, limits, svc)

	mux := http.NewServeMux()
	// Everything that reads the store as a caller passes the same guards,
	// listed in the order a request meets them.
	guarded := func(h http.Handler) http.Handler {
		return chain(h,
			noStore,
			func(h http.Handler) http.Handler { return limitAddress(cfg.AddressRate, cfg.TrustProxy, h) },
			func(h http.Handler) http.Handler { return limitBody(limits.MaxBodyBytes, h) },
			func(h http.Handler) http.Handler { return Authenticate(svc, h) },
			func(h http.Handler) http.Handler { return limitToken(cfg.TokenRate, h) },
			func(h http.Handler) http.Handler { return withTimeout(cfg.RequestTimeout, h) },
		)
	}
	var graphql http.Handler = graph.WithLoaders(svc, gql)
	if cfg.ResponseCache > 0 {
		// Behind every guard: a hit is authenticated, rate limited and
		// bounded like any request.
		graphql = respcache.New(cfg.ResponseCache, generated.NewExecutableSchema(generated.Config{}).Schema(), svc).Handler(graphql)
	}
	mux.Handle("/graphql", guarded(graphql))
	mux.Handle("GET /reports/{file}", guarded(reportsHandler(svc)))
	// The front end (web/dist) at / with its client routes; GraphiQL is one of them (/graphiql).
	mux.Handle("/", newWebApp(cfg.WebFiles(), cfg.GraphiQL))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if err := svc.Ready(ctx); err != nil {
			slog.WarnContext(ctx, "readiness check failed", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "store": "unreachable"})
			return
		}
		if err := svc.WritesFailing(ctx); err != nil {
			// Reads are served, so the server stays in rotation (200);
			// ?writes=1 asks whether writes work, for a monitor's alarm.
			status := http.StatusOK
			if r.URL.Query().Get("writes") != "" {
				status = http.StatusServiceUnavailable
			}
			writeJSON(w, status, map[string]string{"status": "degraded", "reads": "ok", "writes": "failing: storage full"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})

	c := cors.New(cors.Options{
		AllowedOrigins:   cfg.CORSOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
		ExposedHeaders:   []string{"Content-Disposition"}, // a dashboard names the saved report file by it
		AllowCredentials: false,                           // bearer tokens, no cookies
		MaxAge:           600,
	})
	return chain(mux, securityHeaders, c.Handler)
}

// graphQLHandler is gqlgen's executor with Lotse's transports, caches,
// limits and error mapping.
func graphQLHandler(cfg Config, limits Limits, svc *service.Service) *handler.Server {
	gcfg := generated.Config{Resolvers: &graph.Resolver{Service: svc}}
	schema := generated.NewExecutableSchema(gcfg).Schema()
	setCosts(&gcfg.Complexity, schema)
	gql := handler.New(generated.NewExecutableSchema(gcfg))
	gql.AddTransport(transport.Options{})
	gql.AddTransport(httpTransport{}) // GET and POST as GraphQL over HTTP specifies (transport.go)
	gql.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	gql.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	// After APQ (which fills in the query), before parsing and validation.
	gql.Use(newPreflight(limits, schema))
	if limits.MaxTokens > 0 {
		gql.SetParserTokenLimit(limits.MaxTokens)
	}
	if cfg.Introspection {
		gql.Use(extension.Introspection{})
	}
	// The shape check comes first: it bounds the work of the complexity walker.
	gql.Use(shapeLimit{limits})
	if limits.MaxComplexity > 0 {
		gql.Use(extension.FixedComplexityLimit(limits.MaxComplexity))
	}
	gql.AroundResponses(graph.SplitValidation)
	gql.SetErrorPresenter(graph.PresentError)
	gql.SetRecoverFunc(graph.Recover)
	return gql
}

// chain wraps h in middleware, the first listed outermost: a request passes
// them in the order they are listed, then reaches h.
func chain(h http.Handler, middleware ...func(http.Handler) http.Handler) http.Handler {
	for i := len(middleware) - 1; i >= 0; i-- {
		h = middleware[i](h)
	}
	return h
}

// withTimeout bounds the work on a request; the store calls under it give
// up at the deadline and the client gets UNAVAILABLE.
func withTimeout(d time.Duration, next http.Handler) http.Handler {
	if d <= 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
