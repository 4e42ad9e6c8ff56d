package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
	"github.com/lotse-kim/lotse/internal/store"
)

func newExport() *cobra.Command {
	var sf storeFlags
	var out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the whole directory as one JSON document (to stdout or --out)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withService(cmd, &sf, access.Operator, func(ctx context.Context, svc *service.Service) error {
				snap, err := svc.Export(ctx)
				if err != nil {
					return err
				}
				return writeSnapshot(out, snap)
			})
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVarP(&out, "out", "o", "-", "output file; - for stdout")
	return cmd
}

// writeSnapshot writes snap as indented JSON, so that exports diff well.
func writeSnapshot(path string, snap directory.Snapshot) error {
	var w io.Writer = os.Stdout
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(snap); err != nil {
		return err
	}
	return bw.Flush()
}

func newImport() *cobra.Command {
	sf := storeFlags{create: true}
	var (
		quiet bool
		refs  string
	)
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Load a JSON document written by export (or gen) into the store: all of it, or nothing",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			limitImportMemory()
			bars := !quiet && isTerminal(os.Stderr)
			snap, err := readSnapshot(args[0], bars)
			if err != nil {
				return err
			}
			// Every problem of the document, before the store is opened.
			if err := snap.Validate(); err != nil {
				return importProblems(err)
			}
			return withService(cmd, &sf, access.Operator, func(ctx context.Context, svc *service.Service) error {
				start := time.Now()
				if bars {
					// The store reports records as it writes them, and then its index builds.
					bar := newProgressBar(os.Stderr, "writing", 1)
					defer bar.done()
					ctx = store.WithImportProgress(ctx, bar.set)
				}
				before, err := svc.Import(ctx, snap)
				if err != nil {
					return fmt.Errorf("import into %s: nothing was written: %w", sf.describe(), err)
				}
				if refs != "" {
					if err := importReferrals(ctx, svc, refs); err != nil {
						return fmt.Errorf("--referrals %s: the network was imported, the referrals not: %w", refs, err)
					}
				}
				if !before.Empty() {
					// Say what was there: an import into a live database
					// replaces every record the document names.
					fmt.Fprintf(cmd.ErrOrStderr(), "the store held %s; records with the ids of %s were replaced, the others kept (see the audit log, action import)\n",
						describeCounts(before), args[0])
				}
				slog.Info("imported", "store", sf.describe(), "districts", len(snap.Districts), "organisations", len(snap.Organisations),
					"offers", len(snap.Offers), "cooperations", len(snap.Cooperations), "took", time.Since(start).Round(time.Millisecond))
				return nil
			})
		},
	}
	sf.register(cmd)
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	cmd.Flags().StringVar(&refs, "referrals", "", "also load the referrals of this file (written by lotse gen --referrals-out), all or none")
	return cmd
}

// importMemoryLimit bounds the Go heap of lotse import (GOMEMLIMIT, when
// set, wins). The snapshot stays in memory until the import commits (about
// 210 MB for the NRW set); without a limit the collector lets the heap grow
// to twice that before it runs.
const importMemoryLimit = 320 << 20

func limitImportMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(importMemoryLimit)
	}
}

func describeCounts(c store.Counts) string {
	return fmt.Sprintf("%d districts, %d working groups, %d organisations, %d offers, %d cooperations, %d unmet needs, %d cooperation proposals",
		c.Districts, c.WorkingGroups, c.Organisations, c.Offers, c.Cooperations, c.UnmetNeeds, c.CooperationProposals)
}

// importProblems lists every bad record with its path, one per line.
func importProblems(err error) error {
	ve, ok := err.(*directory.ValidationError)
	if !ok {
		return err
	}
	for _, p := range ve.Problems {
		fmt.Fprintln(os.Stderr, "  "+p.Error())
	}
	return fmt.Errorf("%d problems in the document; nothing was written", len(ve.Problems))
}

// readSnapshot decodes a snapshot file record by record, with a progress
// bar on a terminal.
func readSnapshot(path string, progress bool) (directory.Snapshot, error) {
	var snap directory.Snapshot
	f, err := os.Open(path)
	if err != nil {
		return snap, err
	}
	defer f.Close()
	var r io.Reader = bufio.NewReaderSize(f, 1<<20)
	if progress {
		if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
			bar := newProgressBar(os.Stderr, "reading "+path, fi.Size())
			defer bar.done()
			r = io.TeeReader(r, bar)
		}
	}
	snap, err = directory.DecodeSnapshot(r)
	if err != nil {
		return snap, fmt.Errorf("%s: not a Lotse directory document: %w", path, err)
	}
	return snap, nil
}

func newGen() *cobra.Command {
	var (
		seed  int64
		scale int
		nrw   bool
		out   string
		refs  string
	)
	cmd := &cobra.Command{
		Use:   "gen",
		Short: "Generate a synthetic network as a JSON document (for benchmarks: import it with lotse import)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if scale < 1 {
				return fmt.Errorf("--scale: must be at least 1")
			}
			var snap directory.Snapshot
			if nrw {
				snap = demo.NRW(seed)
			} else {
				snap = demo.Generate(demo.Options{Seed: seed, Scale: scale})
			}
			if refs != "" {
				if err := writeReferrals(refs, snap, seed, nrw, scale); err != nil {
					return fmt.Errorf("--referrals-out: %w", err)
				}
			}
			return writeSnapshot(out, snap)
		},
	}
	cmd.Flags().Int64Var(&seed, "seed", 1, "random seed; the same seed gives the same network")
	cmd.Flags().IntVar(&scale, "scale", 1, "size relative to the demo (Solingen and Wuppertal)")
	cmd.Flags().BoolVar(&nrw, "nrw", false, "an NRW-scale network: 54 municipalities, ≥15,000 organisations, ≥150,000 offers")
	cmd.Flags().StringVarP(&out, "out", "o", "-", "output file; - for stdout")
	cmd.Flags().StringVar(&refs, "referrals-out", "", "also write referrals over the network to this file (200,000 with --nrw, 400 per --scale otherwise); load them with lotse import --referrals")
	return cmd
}
