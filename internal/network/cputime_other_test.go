//go:build !unix

package network

import "time"

func cpuTime() time.Duration { return 0 }
