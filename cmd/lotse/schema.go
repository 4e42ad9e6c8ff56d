package main

import (
	"github.com/spf13/cobra"

	"github.com/lotse-kim/lotse"
)

// newSchema prints the GraphQL schema this binary serves, for client
// generators and schema diff tools that cannot introspect a production
// server (introspection is off there).
func newSchema() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the GraphQL schema this binary serves, as one SDL document",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return lotse.PrintSchema(cmd.OutOrStdout())
		},
	}
}
