package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Set at build time, e.g.
//
//	go build -ldflags "-X main.version=v1.2.0 -X main.commit=$(git rev-parse HEAD)" ./cmd/lotse
//
// When they are empty, the version and commit come from the build
// information the Go toolchain records (module version, vcs.revision).
var (
	version string
	commit  string
)

// buildInfo is what `lotse version` reports.
type buildInfo struct {
	Version  string // module version, "devel" for a local build
	Commit   string // VCS revision, "unknown" when not recorded
	Time     string // commit time (RFC 3339), may be empty
	Modified bool   // built from a working tree with uncommitted changes
	Go       string
}

func readBuildInfo() buildInfo {
	b := buildInfo{Version: version, Commit: commit, Go: runtime.Version()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if b.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.Commit == "" {
					b.Commit = s.Value
				}
			case "vcs.time":
				b.Time = s.Value
			case "vcs.modified":
				b.Modified = s.Value == "true" && commit == ""
			}
		}
	}
	if b.Version == "" {
		b.Version = "devel"
	}
	if b.Commit == "" {
		b.Commit = "unknown"
	}
	return b
}

// String is one line: "lotse v1.2.0 commit 0123abc… (2026-11-21T10:00:00Z) go1.26.8".
func (b buildInfo) String() string {
	var s strings.Builder
	fmt.Fprintf(&s, "lotse %s commit %s", b.Version, b.Commit)
	if b.Modified {
		s.WriteString("+modified")
	}
	if b.Time != "" {
		fmt.Fprintf(&s, " (%s)", b.Time)
	}
	fmt.Fprintf(&s, " %s", b.Go)
	return s.String()
}

func newVersion() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and commit of this build",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(cmd.OutOrStdout(), readBuildInfo())
			return err
		},
	}
}
