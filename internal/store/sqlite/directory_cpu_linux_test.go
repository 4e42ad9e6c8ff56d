package sqlite_test

import (
	"syscall"
	"time"
)

// dirThreadCPU is the CPU time the calling OS thread has used (Linux
// RUSAGE_THREAD); benchmarks lock the goroutine to its thread and report it
// beside wall time, because on a shared machine wall time measures the
// neighbours too.
func dirThreadCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
