package main

import (
	"os"
	"runtime/debug"
	"testing"
)

func TestParseMemoryLimit(t *testing.T) {
	for in, want := range map[string]int64{
		"0": 0, "off": 0, "": 0, "230MiB": 230 << 20, "1GiB": 1 << 30, "512KiB": 512 << 10, "1000": 1000, "64B": 64, " 2TiB ": 2 << 40,
	} {
		if got, err := parseMemoryLimit(in); err != nil || got != want {
			t.Errorf("parseMemoryLimit(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"230MB", "-1MiB", "abc", "1.5GiB", "99999999999TiB"} {
		if _, err := parseMemoryLimit(bad); err == nil {
			t.Errorf("parseMemoryLimit(%q) took it", bad)
		}
	}
}

func TestMemoryLimitRaisesGCPercent(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOMEMLIMIT", "")
	os.Unsetenv("GOMEMLIMIT")
	for _, c := range []struct {
		flag, gogc string
		want       int
	}{
		{"0", "", 100},                   // no limit: Go's default stands
		{"230MiB", "", limitedGCPercent}, // a limit: the collector waits for it
		{"230MiB", "150", 100},           // GOGC set: left as the runtime took it
	} {
		debug.SetGCPercent(100)
		t.Setenv("GOGC", c.gogc)
		if c.gogc == "" {
			os.Unsetenv("GOGC")
		}
		if _, err := limitServeMemory(c.flag); err != nil {
			t.Fatal(err)
		}
		if got := debug.SetGCPercent(100); got != c.want {
			t.Errorf("--memory-limit %s, GOGC=%q: GC percent %d, want %d", c.flag, c.gogc, got, c.want)
		}
	}
}
