package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
)

func newToken() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "token",
		Short: "Issue, list and revoke API tokens (bearer secrets for the GraphQL API)",
		Long: `Issue, list and revoke API tokens. A token has a role (ADMIN, STEERING,
CASE_MANAGER or PARTNER; a PARTNER token belongs to one organisation, and a
CASE_MANAGER token needs one to send referrals). Its
secret is printed once, when it is created; the store keeps only its hash.
Callers send it as "Authorization: Bearer <secret>".`,
	}
	cmd.AddCommand(newTokenCreate(), newTokenList(), newTokenRevoke())
	return cmd
}

func newTokenCreate() *cobra.Command {
	var (
		sf              storeFlags
		role, org, name string
	)
	cmd := &cobra.Command{
		Use:   "create --role ROLE [--organisation ID] --name NAME",
		Short: "Issue a token and print its secret (shown only this once)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			req, err := tokenRequest(role, org, name)
			if err != nil {
				return err
			}
			return withService(cmd, &sf, access.Operator, func(ctx context.Context, svc *service.Service) error {
				t, secret, err := svc.CreateToken(ctx, req)
				if err != nil {
					return tokenFlagError(err)
				}
				out := cmd.OutOrStdout()
				fmt.Fprintln(out, secret)
				extra := ""
				if t.OrganisationID != "" {
					extra = ", organisation " + t.OrganisationID
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "token %s (%s, role %s%s) created; the secret above is shown only now.\n",
					t.ID, t.Name, t.Role, extra)
				return nil
			})
		},
	}
	sf.register(cmd)
	fl := cmd.Flags()
	fl.StringVar(&role, "role", "", "ADMIN, STEERING, CASE_MANAGER or PARTNER")
	fl.StringVar(&org, "organisation", "", "the organisation a PARTNER (required) or CASE_MANAGER (to send referrals) token belongs to (its id)")
	fl.StringVar(&name, "name", "", "who or what uses the token, e.g. \"Dashboard Sozialamt\" (shown in the audit log)")
	return cmd
}

// tokenRequest checks the flags of token create before the store is opened.
func tokenRequest(role, org, name string) (service.TokenRequest, error) {
	var errs []error
	req := service.TokenRequest{Name: strings.TrimSpace(name), OrganisationID: strings.TrimSpace(org)}
	if req.Name == "" {
		errs = append(errs, errors.New("--name: must not be empty; say who or what uses the token"))
	}
	switch r, err := access.ParseRole(role); {
	case strings.TrimSpace(role) == "":
		errs = append(errs, errors.New("--role: must be given: ADMIN, STEERING, CASE_MANAGER or PARTNER"))
	case err != nil:
		errs = append(errs, fmt.Errorf("--role: %q is not a role; use ADMIN, STEERING, CASE_MANAGER or PARTNER", role))
	case r == access.RolePublic:
		errs = append(errs, errors.New("--role: PUBLIC is the caller without a token; choose ADMIN, STEERING, CASE_MANAGER or PARTNER"))
	case r == access.RolePartner && req.OrganisationID == "":
		errs = append(errs, errors.New("--organisation: a PARTNER token needs the id of its organisation"))
	case r != access.RolePartner && r != access.RoleCaseManager && req.OrganisationID != "":
		errs = append(errs, fmt.Errorf("--organisation: only PARTNER and CASE_MANAGER tokens belong to an organisation, not %s tokens", r))
	default:
		req.Role = r
	}
	return req, errors.Join(errs...)
}

// tokenFlagError names the flag a service error is about.
func tokenFlagError(err error) error {
	var nf *store.NotFound
	if errors.As(err, &nf) && nf.Field == "organisation" {
		return fmt.Errorf("--organisation: there is no organisation %q in this store", nf.ID)
	}
	var ve *directory.ValidationError
	if errors.As(err, &ve) {
		var errs []error
		for _, p := range ve.Problems {
			errs = append(errs, fmt.Errorf("--%s: %s", p.Field, p.Message))
		}
		return errors.Join(errs...)
	}
	return err
}

func newTokenList() *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every token (never their secrets)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, &sf, access.Operator, func(ctx context.Context, svc *service.Service) error {
				ts, err := svc.Tokens(ctx)
				if err != nil {
					return err
				}
				return writeTokens(cmd.OutOrStdout(), ts)
			})
		},
	}
	sf.register(cmd)
	return cmd
}

func writeTokens(w io.Writer, ts []access.Token) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tROLE\tORGANISATION\tCREATED\tREVOKED")
	for _, t := range ts {
		org, revoked := t.OrganisationID, "-"
		if org == "" {
			org = "-"
		}
		if t.RevokedAt != nil {
			revoked = t.RevokedAt.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Role, org, t.CreatedAt.UTC().Format(time.RFC3339), revoked)
	}
	return tw.Flush()
}

func newTokenRevoke() *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke a token at once; requests with its secret are refused from then on",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, &sf, access.Operator, func(ctx context.Context, svc *service.Service) error {
				if err := svc.RevokeToken(ctx, args[0]); err != nil {
					var nf *store.NotFound
					if errors.As(err, &nf) {
						return fmt.Errorf("there is no token %q (see lotse token list)", args[0])
					}
					return err
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "token %s revoked\n", args[0])
				return nil
			})
		},
	}
	sf.register(cmd)
	return cmd
}
