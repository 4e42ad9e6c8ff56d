package main

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"
)

// newHealthcheck probes a running server; container images without a shell
// or curl use it as their health check. It reads LOTSE_ADDR like serve, so
// a server moved to another port is still probed where it listens.
func newHealthcheck() *cobra.Command {
	var url, addr string
	cmd := &cobra.Command{
		Use:   "healthcheck",
		Short: "Exit 0 when the server answers 200 on /readyz (for container health checks)",
		Long: `Exit 0 when the server answers 200 on its readiness probe.

Without --url it probes http://127.0.0.1:<port>/readyz, the port taken from
--addr (LOTSE_ADDR, the variable serve listens by).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if url == "" {
				u, err := readyURL(addr)
				if err != nil {
					return err
				}
				url = u
			}
			c := http.Client{Timeout: 4 * time.Second}
			res, err := c.Get(url)
			if err != nil {
				return err
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				return fmt.Errorf("%s answered %s", url, res.Status)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&url, "url", "", "URL to probe (default: /readyz on the loopback port of --addr)")
	cmd.Flags().StringVar(&addr, "addr", ":8080", "the server's listen address, as given to serve")
	return cmd
}

// readyURL is the readiness probe of a server listening on addr; a server
// listening on every interface is probed on loopback.
func readyURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("--addr %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/readyz", nil
}
