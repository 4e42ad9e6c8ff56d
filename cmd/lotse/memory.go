package main

import (
	"fmt"
	"log/slog"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
)

// defaultServeMemoryLimit is lotse serve's soft limit on the Go runtime's
// memory: at NRW scale the read index holds about 140 MiB, and without a
// limit the collector lets the heap grow to twice what is live, so the
// process would pass 300 MiB while building the index and under load.
// SQLite's page caches and the binary come on top (about 45 MiB there).
const defaultServeMemoryLimit = "230MiB"

// parseMemoryLimit reads a size as GOMEMLIMIT writes it: a number of bytes
// with an optional unit B, KiB, MiB, GiB or TiB; "0" or "off" means none.
func parseMemoryLimit(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "0" || strings.EqualFold(s, "off") {
		return 0, nil
	}
	units := []struct {
		suffix string
		shift  uint
	}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}
	shift := uint(0)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, shift = strings.TrimSuffix(s, u.suffix), u.shift
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > (1<<62)>>shift {
		return 0, fmt.Errorf("not a size like 230MiB or 1GiB")
	}
	return n << shift, nil
}

// limitServeMemory sets the Go runtime's soft memory limit from the
// --memory-limit flag; GOMEMLIMIT, when set, wins, as it does everywhere
// in Go. It returns the limit in force (0: none).
func limitServeMemory(flag string) (int64, error) {
	if env := os.Getenv("GOMEMLIMIT"); env != "" {
		return collectLessBelow(debug.SetMemoryLimit(-1)), nil
	}
	n, err := parseMemoryLimit(flag)
	if err != nil {
		return 0, fmt.Errorf("--memory-limit %q: %w", flag, err)
	}
	if n > 0 {
		debug.SetMemoryLimit(n)
	}
	return collectLessBelow(n), nil
}

// limitedGCPercent is the collector's target while a memory limit is in
// force: the limit bounds the heap, so far below it the collector need not
// run at Go's default of 100 % growth (garbage collection was 15-20 % of an
// uncached directory request's CPU at 100).
const limitedGCPercent = 400

// collectLessBelow sets limitedGCPercent when limit is a real limit and
// GOGC does not say otherwise; it returns limit.
func collectLessBelow(limit int64) int64 {
	if limit > 0 && limit != math.MaxInt64 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(limitedGCPercent)
	}
	return limit
}

// roomAboveLiveHeap raises a soft limit that the live heap (the read index,
// mostly) leaves too little room above: near the limit the collector would
// run all the time. It keeps half the live heap free above it.
func roomAboveLiveHeap(limit int64) {
	if limit <= 0 || limit == 1<<63-1 {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if need := int64(m.HeapAlloc) * 3 / 2; need > limit {
		debug.SetMemoryLimit(need)
		slog.Warn("the directory needs more memory than --memory-limit allows; limit raised", "limitMiB", limit>>20, "nowMiB", need>>20)
	}
}
