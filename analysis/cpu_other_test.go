//go:build !unix

package analysis

import "time"

// cpuTime is unknown here.
func cpuTime() time.Duration { return 0 }
