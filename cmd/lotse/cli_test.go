package main

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestVersionFromLinker builds the binary with -ldflags -X, as the
// Dockerfile and releases do, and checks both ways of asking.
func TestVersionFromLinker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "lotse")
	build := exec.Command("go", "build", "-o", bin,
		"-ldflags", "-X main.version=v9.8.7 -X main.commit=0123456789abcdef0123456789abcdef01234567", ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, err := exec.Command(bin, args...).Output()
		if err != nil {
			t.Fatalf("lotse %v: %v", args, err)
		}
		got := string(out)
		if !strings.HasPrefix(got, "lotse v9.8.7 commit 0123456789abcdef0123456789abcdef01234567 ") || strings.Count(got, "\n") != 1 {
			t.Errorf("lotse %v = %q, want version and commit on one line", args, got)
		}
	}
}

// TestVersionWithoutLinker: a plain build still answers, naming what it
// does not know rather than printing nothing.
func TestVersionWithoutLinker(t *testing.T) {
	out, err := runOut(t, "version")
	if err != nil {
		t.Fatal(err)
	}
	b := readBuildInfo()
	if !strings.HasPrefix(out, "lotse "+b.Version+" commit "+b.Commit) || b.Version == "" || b.Commit == "" {
		t.Errorf("version = %q (build info %+v)", out, b)
	}
}

// TestHelpNamesEnvironment walks every command and checks that --help
// shows each flag's environment variable, and that the variable is the
// one bindEnv reads.
func TestHelpNamesEnvironment(t *testing.T) {
	root := newRoot()
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		help := c.UsageString()
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if noEnv[f.Name] {
				return
			}
			n++
			want := "LOTSE_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
			if !strings.Contains(help, want) {
				t.Errorf("lotse %s --help does not name %s for --%s", c.CommandPath(), want, f.Name)
			}
		})
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	if n < 20 {
		t.Errorf("only %d flags seen; the walk is broken", n)
	}
	out, _ := runOut(t, "serve", "--help")
	if !strings.Contains(out, "[env LOTSE_NEO4J_URI, NEO4J_URI]") {
		t.Errorf("serve --help does not name NEO4J_URI:\n%s", out)
	}
}

// TestHealthcheckHonoursEnvironment: healthcheck probes where LOTSE_ADDR
// (or LOTSE_URL) says, and fails when that server is not ready.
func TestHealthcheckHonoursEnvironment(t *testing.T) {
	ready := true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" || !ready {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	_, p, _ := net.SplitHostPort(srv.Listener.Addr().String())
	port := ":" + p

	t.Setenv("LOTSE_ADDR", port) // ":<port>", as serve takes it
	if _, err := runOut(t, "healthcheck"); err != nil {
		t.Errorf("healthcheck with LOTSE_ADDR=%s: %v", port, err)
	}
	ready = false
	if _, err := runOut(t, "healthcheck"); err == nil || !strings.Contains(err.Error(), "503") {
		t.Errorf("healthcheck of a server that is not ready: %v, want 503", err)
	}
	ready = true
	t.Setenv("LOTSE_ADDR", ":1") // nothing listens there …
	t.Setenv("LOTSE_URL", srv.URL+"/readyz")
	if _, err := runOut(t, "healthcheck"); err != nil { // … but the URL wins
		t.Errorf("healthcheck with LOTSE_URL: %v", err)
	}
	t.Setenv("LOTSE_URL", "")
	if _, err := runOut(t, "healthcheck", "--addr", ":1"); err == nil {
		t.Error("healthcheck of a port nothing listens on succeeded")
	}
}

func TestSchemaCommandPrintsSnapshot(t *testing.T) {
	out, err := runOut(t, "schema")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../docs/schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("lotse schema differs from docs/schema.graphql")
	}
}
