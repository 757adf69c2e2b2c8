// Package runtime is gowasm's replacement for Go's runtime package. It is
// ordinary Go compiled by gowasm together with the program; the few
// functions declared here without a body are implemented by the compiler
// (see compiler/src/lower/intrinsics.rs).
//
// The engine owns the heap (WebAssembly GC), so there is no allocator or
// collector here: this package provides what the generated code calls
// (panics, strings, maps, printing, slice growth) and the public runtime API.
package runtime

const GOOS = "wasip1"
const GOARCH = "wasm"
const Compiler = "gc"

// Implemented by the compiler.

// wasmThrow throws the Go panic exception; the panic itself is curPanic.
func wasmThrow()

// efaceType returns the dynamic type of e (nil for a nil interface).
func efaceType(e any) *_type

// withPayload returns an interface value of e's dynamic type holding p's
// payload, which must have that type's representation.
func withPayload(e, p any) any

// efaceIdentical reports whether two interface values have the same type
// and the very same payload (gc compares the data words).
func efaceIdentical(a, b any) bool

// kindReachable reports whether reachable code puts any value of kind k in
// an interface; the compiler supplies it, and prunes code behind a false
// answer (the panic printer then does not pull in float formatting, say).
func kindReachable(k uint8) bool

// callersRecorded reports whether the module has a line table (code
// asks for its callers): the compiler supplies it, and prunes code behind
// a false answer.
func callersRecorded() bool

// payload returns e's payload as a T, which must have the representation of
// e's dynamic type (a named type's underlying basic type, say). Unlike a
// type assertion it makes no T interface value, so T need not be a type
// the program puts in interfaces. The compiler supplies the body; this one
// only satisfies the type checker (generic functions must have one).
func payload[T any](e any) T {
	var zero T
	return zero
}

// Host functions (see host-abi and docs/abi.md).

//go:wasmimport gowasm write
func hostWrite(fd int32, b []byte) int32

//go:wasmimport gowasm exit
func hostExit(code int32)

//go:wasmimport gowasm abort
func hostAbort(kind int32, message, traceback []byte)

//go:wasmimport gowasm clock_now
func hostClockNow(clock int32) int64

//go:wasmimport gowasm arg_count
func hostArgCount() int32

//go:wasmimport gowasm arg
func hostArg(i int32) []byte

//go:wasmimport gowasm env_count
func hostEnvCount() int32

//go:wasmimport gowasm env
func hostEnv(i int32) []byte

// exit ends the program.
func exit(code int32) {
	hostExit(code)
}

// writeErr writes to standard error. The host writes the whole buffer.
func writeErr(b []byte) {
	hostWrite(2, b)
}

// GC empties sync.Pools as gc's collections do, and lets other goroutines
// run (gc's blocks its caller while the collection runs); the engine
// collects on its own.
func GC() {
	if poolcleanup != nil {
		poolcleanup()
	}
	Gosched()
}

// poolcleanup is package sync's poolCleanup.
var poolcleanup func()

//go:linkname sync_runtime_registerPoolCleanup sync.runtime_registerPoolCleanup
func sync_runtime_registerPoolCleanup(f func()) {
	poolcleanup = f
}

// procPin pins the goroutine to its P (for sync's per-P data): goroutines
// share one thread, P 0.
//
//go:linkname sync_runtime_procPin sync.runtime_procPin
func sync_runtime_procPin() int { return 0 }

//go:linkname sync_runtime_procUnpin sync.runtime_procUnpin
func sync_runtime_procUnpin() {}

// KeepAlive marks its argument as reachable; with an engine-managed heap
// there is nothing to do.
func KeepAlive(x any) {}

// GOMAXPROCS reports 1: goroutines share one thread.
func GOMAXPROCS(n int) int { return 1 }

// NumCPU reports 1.
func NumCPU() int { return 1 }

// GOROOT returns $GOROOT, or the root of the Go tree the program was
// built with (which the program sees only where the host grants it).
func GOROOT() string {
	if s := gogetenv("GOROOT"); s != "" {
		return s
	}
	return defaultGOROOT
}

// Version returns the Go version the program was compiled against
// (buildVersion and defaultGOROOT: zbuildinfo.go, written by gowasm).
func Version() string { return buildVersion }

// SetFinalizer is accepted and ignored: the engine's collector does not
// report object death.
func SetFinalizer(obj any, finalizer any) {}
