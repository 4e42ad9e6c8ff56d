// Package server is Lotse's HTTP front: CORS, authentication, per-request
// dataloaders, the GraphQL endpoint, GraphiQL and the health probes.
package server

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/lotse-kim/lotse/graph"
	"github.com/lotse-kim/lotse/internal/service"
)

// Config is what the HTTP front can be told.
type Config struct {
	// CORSOrigins are the browser origins allowed to call the API ("*" = any).
	CORSOrigins []string
	// Introspection enables schema introspection (on by default).
	Introspection bool
	// GraphiQL serves the GraphiQL page at "/".
	GraphiQL bool
}

// New returns the whole HTTP handler of Lotse.
func New(cfg Config, svc *service.Service) http.Handler {
	gql := handler.New(graph.NewExecutableSchema(graph.Config{Resolvers: &graph.Resolver{Service: svc}}))
	gql.AddTransport(transport.Options{})
	gql.AddTransport(transport.GET{})
	gql.AddTransport(transport.POST{})
	gql.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	gql.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	if cfg.Introspection {
		gql.Use(extension.Introspection{})
	}
	gql.AroundFields(graph.SplitValidation)
	gql.SetErrorPresenter(graph.PresentError)
	gql.SetRecoverFunc(graph.Recover)

	mux := http.NewServeMux()
	mux.Handle("/graphql", Authenticate(svc.Store, graph.WithLoaders(svc.Store, gql)))
	if cfg.GraphiQL {
		mux.Handle("GET /{$}", playground.Handler("Lotse", "/graphql"))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		if err := svc.Store.Ping(ctx); err != nil {
			slog.WarnContext(ctx, "readiness check failed", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "store": "unreachable"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})

	c := cors.New(cors.Options{
		AllowedOrigins:   cfg.CORSOrigins,
		AllowedMethods:   []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders:   []string{"Authorization", "Content-Type"},
		AllowCredentials: false, // bearer tokens, no cookies
		MaxAge:           600,
	})
	return c.Handler(mux)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
