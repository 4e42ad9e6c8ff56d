package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/report"
	"github.com/lotse-kim/lotse/internal/service"
)

func newReport() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Write the gap report or the network report as a file (CSV, JSON, GeoJSON)",
		Long: `Write the reports of strategic steering as files for the office: the same
numbers as the GraphQL queries gapReport and networkReport.

Unmet-need counts from 1 to 4 are suppressed in the files (empty, with
suppressed = true), as for every reader outside case management and
steering. Give --audience steering to write them unsuppressed; the command
reads the database directly, so that is the operator's decision, and the
file must then stay within steering (§ 35 SGB I).`,
	}
	cmd.AddCommand(newReportGaps(), newReportNetwork())
	return cmd
}

// reportFlags are the flags every report shares.
type reportFlags struct {
	sf           storeFlags
	municipality string
	format       string
	out          string
}

func (f *reportFlags) register(cmd *cobra.Command, formats []report.Format) {
	f.sf.register(cmd)
	names := make([]string, len(formats))
	for i, x := range formats {
		names[i] = string(x)
	}
	fl := cmd.Flags()
	fl.StringVar(&f.municipality, "municipality", "", "the municipality, e.g. Solingen; empty: all")
	fl.StringVar(&f.format, "format", "csv", "file format: "+strings.Join(names, ", "))
	fl.StringVarP(&f.out, "out", "o", "-", "output file; - for stdout")
}

// audiences are the readers a file can be written for.
var audiences = map[string]access.Principal{
	// The operator acts as ADMIN, who sees no small counts.
	"office":   access.Operator,
	"steering": {Role: access.RoleSteering, TokenID: "cli", Name: "cli (audience steering)"},
}

// run opens the store and calls write with the service as the audience's principal.
func (f *reportFlags) run(cmd *cobra.Command, audience string, formats []report.Format,
	write func(ctx context.Context, svc *service.Service, w io.Writer, format report.Format) error) error {
	format, err := report.ParseFormat(f.format, formats)
	if err != nil {
		return err
	}
	p, ok := audiences[strings.ToLower(audience)]
	if !ok {
		return fmt.Errorf("audience %q is not known; use office (default) or steering", audience)
	}
	return withService(cmd, &f.sf, p, func(ctx context.Context, svc *service.Service) error {
		if f.out == "-" {
			return write(ctx, svc, cmd.OutOrStdout(), format)
		}
		return writeFileAtomic(f.out, func(w io.Writer) error { return write(ctx, svc, w, format) })
	})
}

// writeFileAtomic writes path through a temporary file in the same
// directory, so that a failed report never leaves half a file behind.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func newReportGaps() *cobra.Command {
	var (
		f        reportFlags
		needs    []string
		audience string
	)
	cmd := &cobra.Command{
		Use:   "gaps --municipality M [--needs LANGUAGE,WORK] [--format csv|json|geojson] [--out FILE]",
		Short: "Write the gap report: supply per district and need area, and the structural gaps",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			areas := make([]directory.NeedArea, len(needs))
			for i, n := range needs {
				areas[i] = directory.NeedArea(strings.ToUpper(strings.TrimSpace(n)))
			}
			return f.run(cmd, audience, report.GapFormats, func(ctx context.Context, svc *service.Service, w io.Writer, format report.Format) error {
				r, err := svc.GapReport(ctx, f.municipality, areas)
				if err != nil {
					return err
				}
				return report.WriteGaps(w, r, format)
			})
		},
	}
	f.register(cmd, report.GapFormats)
	cmd.Flags().StringSliceVar(&needs, "needs", nil, "only these need areas, comma-separated (e.g. LANGUAGE,WORK); empty: all")
	cmd.Flags().StringVar(&audience, "audience", "office",
		"who the file is for: office (unmet-need counts 1-4 suppressed) or steering (exact counts; keep the file within steering)")
	return cmd
}

func newReportNetwork() *cobra.Command {
	var f reportFlags
	cmd := &cobra.Command{
		Use:   "network [--municipality M] [--format csv|json] [--out FILE]",
		Short: "Write the network report: density, components, isolated organisations, brokers, kind matrix",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return f.run(cmd, "office", report.NetworkFormats, func(ctx context.Context, svc *service.Service, w io.Writer, format report.Format) error {
				r, err := svc.NetworkReport(ctx, f.municipality)
				if err != nil {
					return err
				}
				return report.WriteNetwork(w, r, format)
			})
		},
	}
	f.register(cmd, report.NetworkFormats)
	return cmd
}
