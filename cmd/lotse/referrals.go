package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/demo"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/referral"
	"github.com/lotse-kim/lotse/internal/service"
)

// retentionFlag is the flag (and LOTSE_REFERRAL_RETENTION_DAYS) of serve and referrals purge.
const retentionFlag = "referral-retention-days"

const retentionUsage = "erase case reference and note of referrals this many days after they close (0: at once)"

func newReferrals() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "referrals",
		Short: "Maintain referrals (Vermittlungen)",
	}
	var (
		sf   storeFlags
		days int
	)
	purge := &cobra.Command{
		Use:   "purge",
		Short: "Erase case reference and note of referrals closed longer ago than the retention period",
		Long: `Erase the case reference and the note of every referral that closed (DECLINED,
COMPLETED or CANCELLED) more than --referral-retention-days days ago. What the
statistics count (offer, provider, needs, statuses, times) stays; the erasure
is in the audit log. lotse serve does the same by itself once a day.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withService(cmd, &sf, access.Operator, func(ctx context.Context, svc *service.Service) error {
				n, err := svc.PurgeReferrals(ctx, days)
				if err != nil {
					return fmt.Errorf("--%s: %w", retentionFlag, err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "erased case reference and note of %d referral(s) closed more than %d days ago\n", n, days)
				return nil
			})
		},
	}
	sf.register(purge)
	purge.Flags().IntVar(&days, retentionFlag, referral.DefaultRetentionDays, retentionUsage)
	cmd.AddCommand(purge)
	return cmd
}

// retentionEvery is how often lotse serve purges.
const retentionEvery = 24 * time.Hour

// retentionPrincipal is the server's own schedule in the audit log.
var retentionPrincipal = access.Principal{Role: access.RoleAdmin, TokenID: "system", Name: "retention schedule"}

// runRetention purges at once and then every retentionEvery until ctx ends.
func runRetention(ctx context.Context, svc *service.Service, days int, every time.Duration) {
	ctx = access.WithPrincipal(ctx, retentionPrincipal)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := svc.PurgeReferrals(ctx, days)
		if err != nil {
			slog.Error("referral retention", "err", err)
		} else if n > 0 {
			slog.Info("referral retention: case references and notes erased", "referrals", n, "retentionDays", days)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// writeReferrals writes the generated referrals over snap as one JSON array.
func writeReferrals(path string, snap directory.Snapshot, seed int64, nrw bool, scale int) error {
	n := demo.DemoReferralCount * scale
	if nrw {
		n = demo.NRWReferralCount
	}
	rs, _ := demo.Referrals(snap, seed, n)
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := json.NewEncoder(bw).Encode(rs); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// importReferrals loads a file written by writeReferrals, all or none.
func importReferrals(ctx context.Context, svc *service.Service, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var rs []referral.Referral
	if err := json.Unmarshal(data, &rs); err != nil {
		return fmt.Errorf("not a list of referrals: %w", err)
	}
	if err := svc.ImportReferrals(ctx, rs); err != nil {
		return err
	}
	slog.Info("referrals imported", "referrals", len(rs))
	return nil
}
