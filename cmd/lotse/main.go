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
		Use:           "lotse",
		Short:         "Lotse: the partner-network and referral directory of municipal integration management",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(newServe(), newImport(), newExport(), newGen())
	for _, add := range extraCommands {
		root.AddCommand(add())
	}
	return root
}

// extraCommands lets other files of this package register their commands.
var extraCommands []func() *cobra.Command

// bindEnv gives every flag of cmd an environment variable LOTSE_<FLAG> (dashes
// as underscores), read when the flag is not given on the command line.
// aliases name further variables for a flag, e.g. NEO4J_URI.
func bindEnv(cmd *cobra.Command, aliases map[string][]string) error {
	var err error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if err != nil || f.Changed {
			return
		}
		names := append([]string{"LOTSE_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))}, aliases[f.Name]...)
		for _, n := range names {
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
