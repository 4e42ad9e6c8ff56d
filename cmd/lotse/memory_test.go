package main

import "testing"

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
