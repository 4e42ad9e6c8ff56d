package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse/internal/access"
	"github.com/lotse-kim/lotse/internal/directory"
	"github.com/lotse-kim/lotse/internal/service"
)

func newDistricts() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "districts",
		Short: "Work on the districts (Stadtbezirke): import their outlines",
	}
	cmd.AddCommand(newDistrictsImport())
	return cmd
}

func newDistrictsImport() *cobra.Command {
	var (
		sf           storeFlags
		municipality string
	)
	cmd := &cobra.Command{
		Use:   "import FILE.geojson --municipality NAME",
		Short: "Give a municipality's districts the outlines of a GeoJSON file (a city's open data)",
		Long: `Read a GeoJSON FeatureCollection of district outlines (Polygon or MultiPolygon,
WGS 84 / EPSG:4326, as cities publish them on their open-data portals) and set
them as the boundaries of the municipality's districts.

Each feature is matched to a district by its id (the feature's id or any
property equal to the district id) or by name (any property equal to the
district's name, ignoring case, umlauts and punctuation: "OHLIGS / AUFDERHOEHE /
MERSCHEID" names "Ohligs/Aufderhöhe/Merscheid"). Every feature must name exactly
one district; the outline must close its rings, lie in NRW and contain the
district's centre. Any problem is listed with its feature and nothing is
written; districts no feature names keep their outline.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(municipality) == "" {
				return fmt.Errorf("--municipality: must not be empty")
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			fs, err := directory.ParseBoundaryFeatures(data)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return withService(cmd, &sf, access.Operator, func(ctx context.Context, svc *service.Service) error {
				changed, err := svc.ImportDistrictBoundaries(ctx, municipality, fs)
				if err != nil {
					return importProblems(err)
				}
				all, err := svc.Districts(ctx, municipality)
				if err != nil {
					return err
				}
				set := map[string]bool{}
				for _, d := range changed {
					set[d.ID] = true
				}
				var got, without []string
				for _, d := range all {
					switch {
					case set[d.ID]:
						got = append(got, d.Name)
					case d.Boundary == nil:
						without = append(without, d.Name)
					}
				}
				out := cmd.OutOrStdout()
				fmt.Fprintf(out, "%d of %d districts of %s got an outline: %s\n", len(got), len(all), municipality, strings.Join(got, ", "))
				if len(without) > 0 {
					fmt.Fprintf(out, "still without an outline: %s\n", strings.Join(without, ", "))
				}
				return nil
			})
		},
	}
	sf.register(cmd)
	cmd.Flags().StringVar(&municipality, "municipality", "", "the municipality whose districts the file outlines, e.g. Solingen")
	return cmd
}
