//go:build unix

package network

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the test process has used so far, which
// says more than wall time on a machine shared with other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
