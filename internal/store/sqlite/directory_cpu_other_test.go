//go:build !linux

package sqlite_test

import "time"

func dirThreadCPU() (time.Duration, bool) { return 0, false }
