// Command lotse is Lotse's one binary: serve the GraphQL API, import and
// export the directory, generate synthetic data, manage tokens and write reports.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := newRoot().ExecuteContext(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "lotse:", err)
		os.Exit(1)
	}
}

func newRoot() *cobra.Command {
	root := &cobra.Command{
		Use:   "lotse",
		Short: "Lotse: the partner-network and referral directory of municipal integration management",
		Long: `Lotse: the partner-network and referral directory of municipal integration management.

Every flag can also be set by an environment variable, shown in each
command's --help as [env LOTSE_<FLAG>]; a flag on the command line wins.`,
		Version:       readBuildInfo().String(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Every command reads its flags' environment variables before it runs.
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return bindEnv(cmd, storeEnvAliases)
		},
	}
	root.SetVersionTemplate("{{.Version}}\n")
	// Every command of the binary, in one place.
	root.AddCommand(
		newServe(), newImport(), newExport(), newGen(),
		newToken(), newReport(), newDistricts(), newReferrals(),
		newSchema(), newHealthcheck(), newVersion(),
	)
	documentEnv(root, storeEnvAliases)
	return root
}

// envNames are the environment variables of a flag, in the order bindEnv
// reads them: LOTSE_<FLAG> first, then its aliases.
func envNames(flag string, aliases map[string][]string) []string {
	return append([]string{"LOTSE_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))}, aliases[flag]...)
}

// noEnv are flags that no environment variable sets.
var noEnv = map[string]bool{"help": true, "version": true}

// documentEnv appends each flag's environment variables to its usage, in
// cmd and all its subcommands, so that --help shows them.
func documentEnv(cmd *cobra.Command, aliases map[string][]string) {
	cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
		if noEnv[f.Name] || strings.Contains(f.Usage, "[env ") {
			return
		}
		f.Usage += " [env " + strings.Join(envNames(f.Name, aliases), ", ") + "]"
	})
	for _, c := range cmd.Commands() {
		documentEnv(c, aliases)
	}
}

// bindEnv gives every flag of cmd an environment variable LOTSE_<FLAG> (dashes
// as underscores), read when the flag is not given on the command line.
// aliases name further variables for a flag, e.g. NEO4J_URI.
func bindEnv(cmd *cobra.Command, aliases map[string][]string) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed || noEnv[f.Name] {
			return
		}
		for _, n := range envNames(f.Name, aliases) {
			if v, ok := os.LookupEnv(n); ok {
				if e := cmd.Flags().Set(f.Name, v); e != nil {
					err = fmt.Errorf("environment variable %s: %w", n, e)
				}
				return
			}
		}
	})
	return err
}

func setupLogging(level, format string) error {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: l}
	switch format {
	case "text":
		slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, opts)))
	case "json":
		slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stderr, opts)))
	default:
		return fmt.Errorf("--log-format: %q is neither text nor json", format)
	}
	return nil
}
