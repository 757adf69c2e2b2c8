// gowasm replaces stubs.go: gc's runtime fills readGCStats' []time.Duration
// through a *[]uint64, which typed WebAssembly GC objects cannot alias. The
// engine collects without reporting collections: no pauses, zero
// collections. The other functions are implemented in package runtime, as
// in gc.

package debug

import (
	"time"
)

// readGCStats sets *pauses to the three trailing entries of gc's layout
// (last collection, number of collections, total pause), all zero.
func readGCStats(pauses *[]time.Duration) {
	*pauses = (*pauses)[:3]
	clear(*pauses)
}

// Implemented in package runtime.
func freeOSMemory()
func setMaxStack(int) int
func setGCPercent(int32) int32
func setPanicOnFault(bool) bool
func setMaxThreads(int) int
func setMemoryLimit(int64) int64
