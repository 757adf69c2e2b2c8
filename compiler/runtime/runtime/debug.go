package runtime

// The runtime API for statistics, profiling and runtime/debug. The engine
// owns the heap and reports nothing of it to the module, so statistics
// are zero; settings are recorded and reported back, and have no effect.

// A MemStats records statistics about the memory allocator.
type MemStats struct {
	Alloc         uint64
	TotalAlloc    uint64
	Sys           uint64
	Lookups       uint64
	Mallocs       uint64
	Frees         uint64
	HeapAlloc     uint64
	HeapSys       uint64
	HeapIdle      uint64
	HeapInuse     uint64
	HeapReleased  uint64
	HeapObjects   uint64
	StackInuse    uint64
	StackSys      uint64
	MSpanInuse    uint64
	MSpanSys      uint64
	MCacheInuse   uint64
	MCacheSys     uint64
	BuckHashSys   uint64
	GCSys         uint64
	OtherSys      uint64
	NextGC        uint64
	LastGC        uint64
	PauseTotalNs  uint64
	PauseNs       [256]uint64
	PauseEnd      [256]uint64
	NumGC         uint32
	NumForcedGC   uint32
	GCCPUFraction float64
	EnableGC      bool
	DebugGC       bool
	BySize        [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// ReadMemStats populates m: the collector is the engine's, which does not
// report to the module, so everything but EnableGC is zero.
func ReadMemStats(m *MemStats) {
	*m = MemStats{EnableGC: true}
}

// Stack formats a stack trace of the calling goroutine into buf (with
// all, of every goroutine) and returns the number of bytes written. The
// calling goroutine's frames are listed where the module has a line table
// (its code asks for callers or stacks; see traceback); other goroutines
// have their header line only.
func Stack(buf []byte, all bool) int {
	// Frames 0 and 1: Callers and Stack.
	s := runningStack(2)
	if all {
		s += otherGoroutines(2, curg)
	}
	return copy(buf, s)
}

// tracebackLevel is GOTRACEBACK's level: 0 for none, 1 for single (the
// running goroutine, the default), 2 for all (every goroutine; also
// system and crash, which add nothing here).
func tracebackLevel() int {
	switch gogetenv("GOTRACEBACK") {
	case "none", "0":
		return 0
	case "all", "1", "system", "2", "crash", "wer":
		return 2
	}
	return 1
}

// otherGoroutines lists, at level 2, every goroutine but skip: their
// header lines (a parked goroutine's frames are heap objects, without
// program counters).
func otherGoroutines(level int, skip *g) string {
	s := ""
	if level < 2 {
		return s
	}
	for _, gp := range allgs {
		if gp == skip {
			continue
		}
		state := gp.waitreason
		if state == "" {
			state = "runnable"
		}
		s += "\n" + goroutineHeader(gp.goid, state)
	}
	return s
}

// goroutineHeader is the first line of a goroutine's traceback.
func goroutineHeader(goid int64, state string) string {
	var digits [20]byte
	return "goroutine " + string(itoa(digits[:], uint64(goid))) + " [" + state + "]:\n"
}

// runningStack is the traceback of the running goroutine, without its
// innermost skip frames (the frames are there where the module has a
// line table).
func runningStack(skip int) string {
	s := goroutineHeader(goroutineID(), "running")
	if callersRecorded() {
		pcs := make([]uintptr, 100)
		s += traceback(pcs[:Callers(skip+1, pcs)])
	}
	return s
}

// goroutineID is the running goroutine's id (0 before the scheduler
// starts); exported to the host, which names it in a trap's traceback.
func goroutineID() int64 {
	if curg == nil {
		return 0
	}
	return curg.goid
}

// traceback lists frames as gc's tracebacks do, without argument
// values: gc leaves out the runtime's frames but the panic's, which it
// calls panic.
func traceback(pcs []uintptr) string {
	var digits [20]byte
	s := ""
	for _, pc := range pcs {
		name := string(hostPCName(int64(pc - 1)))
		if name == "runtime.gopanic" {
			name = "panic"
		} else if len(name) > 8 && name[:8] == "runtime." {
			continue
		}
		s += name + "()\n\t" + string(hostPCFile(int64(pc-1))) + ":" +
			string(itoa(digits[:], uint64(hostPCLine(int64(pc-1))))) + " +0x" +
			string(hexDigits(digits[:], uint64(pc&(1<<32-1)-1), 1)) + "\n"
	}
	return s
}

// LockOSThread has nothing to do: goroutines share one thread.
func LockOSThread() {}

// UnlockOSThread has nothing to do.
func UnlockOSThread() {}

// NumCgoCall reports 0: there is no cgo.
func NumCgoCall() int64 { return 0 }

// Breakpoint has no debugger to stop for.
func Breakpoint() {}

// runtime/debug's hooks.

var (
	gcPercent   int32 = 100
	memoryLimit int64 = 1<<63 - 1
	maxStack          = 1 << 30
	maxThreads        = 10000
	crashFD     uintptr
)

//go:linkname debug_setGCPercent runtime/debug.setGCPercent
func debug_setGCPercent(p int32) int32 {
	old := gcPercent
	gcPercent = p
	return old
}

//go:linkname debug_setMemoryLimit runtime/debug.setMemoryLimit
func debug_setMemoryLimit(limit int64) int64 {
	old := memoryLimit
	if limit >= 0 {
		memoryLimit = limit
	}
	return old
}

//go:linkname debug_setMaxStack runtime/debug.setMaxStack
func debug_setMaxStack(n int) int {
	old := maxStack
	maxStack = n
	return old
}

//go:linkname debug_setMaxThreads runtime/debug.setMaxThreads
func debug_setMaxThreads(n int) int {
	old := maxThreads
	maxThreads = n
	return old
}

//go:linkname debug_setPanicOnFault runtime/debug.setPanicOnFault
func debug_setPanicOnFault(bool) bool { return false }

//go:linkname debug_freeOSMemory runtime/debug.freeOSMemory
func debug_freeOSMemory() { GC() }

//go:linkname debug_modinfo runtime/debug.modinfo
func debug_modinfo() string { return "" }

//go:linkname debug_setCrashFD runtime/debug.runtime_setCrashFD
func debug_setCrashFD(fd uintptr) uintptr {
	old := crashFD
	crashFD = fd
	return old
}

//go:linkname debug_WriteHeapDump runtime/debug.WriteHeapDump
func debug_WriteHeapDump(fd uintptr) {}

//go:linkname debug_SetTraceback runtime/debug.SetTraceback
func debug_SetTraceback(level string) {}
