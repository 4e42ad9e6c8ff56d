package main

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

func TestPprofRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "10.0.0.1:6060", "example.org:6060", "nonsense"} {
		if err := startPprof(addr); err == nil || !strings.Contains(err.Error(), "--pprof") {
			t.Errorf("startPprof(%q) = %v, want an error naming --pprof", addr, err)
		}
	}
}

func TestPprofServesProfilesOnLoopback(t *testing.T) {
	// Find a free port, then serve pprof on it.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	if err := startPprof(addr); err != nil {
		t.Fatal(err)
	}
	resp, err := http.Get("http://" + addr + "/debug/pprof/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "goroutine") {
		t.Fatalf("status %d, body %.200s", resp.StatusCode, body)
	}
}
