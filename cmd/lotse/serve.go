package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/server"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
)

func newServe() *cobra.Command {
	var (
		sf            storeFlags
		addr          string
		withDemo      bool
		corsOrigins   []string
		introspection bool
		logLevel      string
		logFormat     string
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the GraphQL API (GraphiQL at /, API at /graphql)",
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := bindEnv(cmd, storeEnvAliases); err != nil {
				return err
			}
			if err := setupLogging(logLevel, logFormat); err != nil {
				return err
			}
			ctx := cmd.Context()
			st, desc, err := sf.open(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			svc := service.New(st)
			if withDemo {
				if err := seedDemo(ctx, svc); err != nil {
					return err
				}
			}
			h := server.New(server.Config{CORSOrigins: corsOrigins, Introspection: introspection, GraphiQL: true}, svc)
			srv := &http.Server{
				Addr:              addr,
				Handler:           h,
				ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout:       30 * time.Second,
				WriteTimeout:      60 * time.Second,
				IdleTimeout:       120 * time.Second,
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return err
			}
			slog.Info("lotse serving", "addr", ln.Addr().String(), "store", desc, "graphiql", "http://"+hostPort(ln.Addr()))
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
	return cmd
}

func hostPort(a net.Addr) string {
	s := a.String()
	if strings.HasPrefix(s, "[::]") || strings.HasPrefix(s, "0.0.0.0") {
		_, port, _ := net.SplitHostPort(s)
		return "localhost:" + port
	}
	return s
}

// seedDemo fills an empty store with the demo network (never overwriting
// data) and issues one fresh demo token per role, revoking the previous ones.
func seedDemo(ctx context.Context, svc *service.Service) error {
	counts, err := svc.Store.Counts(ctx)
	if err != nil {
		return err
	}
	if counts.Empty() {
		snap := demo.Demo()
		if err := snap.Validate(); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		if err := svc.Store.Import(ctx, snap); err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		slog.Info("demo data loaded", "organisations", len(snap.Organisations), "offers", len(snap.Offers))
	} else {
		slog.Info("store already has data; demo data not loaded", "organisations", counts.Organisations, "offers", counts.Offers)
	}
	tokens, err := svc.Store.Tokens(ctx)
	if err != nil {
		return err
	}
	now := svc.Now()
	for _, t := range tokens {
		if strings.HasPrefix(t.Name, "demo-") && t.RevokedAt == nil {
			if err := svc.Store.RevokeToken(ctx, t.ID, now); err != nil {
				return err
			}
		}
	}
	// The demo PARTNER token belongs to the first migrant organisation.
	orgs, err := svc.Store.Organisations(ctx, store.OrganisationFilter{Kinds: []directory.OrganisationKind{directory.KindMigrantOrganisation}}, store.Page{First: 1})
	if err != nil {
		return err
	}
	partnerOrg := ""
	if len(orgs.Organisations) > 0 {
		partnerOrg = orgs.Organisations[0].ID
	}
	fmt.Fprintln(os.Stderr, "Demo tokens (use as: Authorization: Bearer <token>):")
	for _, role := range []access.Role{access.RoleAdmin, access.RoleSteering, access.RoleCaseManager, access.RolePartner} {
		t := access.Token{ID: service.NewID("tok-"), Name: "demo-" + strings.ToLower(string(role)), Role: role, CreatedAt: now}
		if role == access.RolePartner {
			t.OrganisationID = partnerOrg
		}
		secret := access.NewSecret()
		t.Hash = access.HashSecret(secret)
		if err := svc.Store.CreateToken(ctx, t); err != nil {
			return err
		}
		extra := ""
		if t.OrganisationID != "" {
			extra = " (organisation " + t.OrganisationID + ")"
		}
		fmt.Fprintf(os.Stderr, "  %-13s %s%s\n", role, secret, extra)
	}
	return nil
}
