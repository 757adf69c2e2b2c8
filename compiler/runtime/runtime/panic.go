package runtime

// Panics are WebAssembly exceptions. The panic value lives in curPanic; the
// exception carries nothing. A function with defers records the defer chain
// height on entry (deferBase), catches the exception, runs the deferred calls
// pushed since then (rundefers) and either resumes at its recovery point
// (when a deferred call recovered) or rethrows. See docs/design.md.

// _panic is an active panic.
type _panic struct {
	arg        any
	link       *_panic
	recovered  bool
	repanicked bool
	goexit     bool
	// aborted: a panic of a deferred call run for this one reached the
	// frame running that call, which stops handling this one.
	aborted bool
	// pcs is the stack where the panic started, from gopanic down, in
	// programs that ask for their callers (Callers).
	pcs []uintptr
}

// _defer is a pending deferred call.
type _defer struct {
	fn   func()
	link *_defer
}

var (
	curPanic *_panic
	deferTop *_defer
	// recoverArmed is set just before a deferred call runs on behalf of a
	// panic; a function that calls recover reads and clears it on entry.
	recoverArmed bool
)

// deferBase returns the defer chain height at function entry.
func deferBase() *_defer {
	return deferTop
}

// deferproc pushes a deferred call.
func deferproc(fn func()) {
	deferTop = &_defer{fn: fn, link: deferTop}
}

// rundefers runs the deferred calls pushed above base, newest first.
// panicking says whether they run on behalf of a panic (recover works).
func rundefers(base *_defer, panicking bool) {
	for deferTop != base {
		d := deferTop
		deferTop = d.link
		recoverArmed = panicking
		d.fn()
	}
}

// takeRecoverArmed is called on entry to functions that call recover.
func takeRecoverArmed() bool {
	armed := recoverArmed
	recoverArmed = false
	return armed
}

// rearmRecover gives back what takeRecoverArmed took, right before a
// function recover sees through makes the call it forwards (reflect's
// MakeFunc handler).
func rearmRecover(armed bool) {
	recoverArmed = armed
}

// disarmRecover is called before a deferred call whose callee cannot
// recover, so that functions it calls do not see the flag.
func disarmRecover() {
	recoverArmed = false
}

// panicHandler runs in a function's exception handler after its deferred
// calls: it reports whether the panic was recovered (and retires it), in
// which case the function returns normally.
func panicHandler(base *_defer) bool {
	rundefers(base, true)
	p := curPanic
	if p != nil && p.recovered {
		curPanic = p.link
		// Older panics whose handling a deferred call's panic cut short
		// are over: as in gc, a recovery discards them. Those still
		// being handled by frames further out stay (a deferred call may
		// recover one, then panic and recover again).
		for curPanic != nil && curPanic.aborted {
			curPanic = curPanic.link
		}
		return true
	}
	return false
}

// panicAborted is called when a deferred call's panic reaches the frame
// that ran the call for an older panic (the frame then runs its remaining
// deferred calls for the new one). The older panic is the newest below the
// new one not already aborted: any panic started in between was handled by
// frames inside the deferred call, which the new panic left the same way.
func panicAborted() {
	for p := curPanic.link; p != nil; p = p.link {
		if !p.aborted {
			p.aborted = true
			return
		}
	}
}

func gopanic(e any) {
	if e == nil && godebug("panicnil") != "1" {
		e = new(PanicNilError)
	}
	p := &_panic{arg: e, link: curPanic}
	if callersRecorded() {
		// A panic in a deferred call run by another panic: gc's stack still
		// holds the first panic's frames.
		p.pcs = withPanicFrames(stackPCs(maxFrames), panicFrames())
	}
	curPanic = p
	wasmThrow()
}

// Goexit runs the deferred calls of the calling goroutine and ends it.
// Unwinding is a panic that recover does not stop.
func Goexit() {
	curPanic = &_panic{goexit: true, link: curPanic}
	wasmThrow()
}

func gorecover(armed bool) any {
	p := curPanic
	if !armed || p == nil || p.recovered || p.goexit {
		return nil
	}
	p.recovered = true
	return p.arg
}

// deferRecover is `defer recover()` in a function that read armed on
// entry: when the deferred call runs, it recovers as the function calling
// recover would, the panic the function was run for, unless a newer
// panic that is not recovered is running (gc: a deferred recover run by
// the panic of its own function is too high on the stack to see it).
func deferRecover(armed bool) {
	p := curPanic
	deferproc(func() {
		q := curPanic
		for q != nil && q.recovered {
			q = q.link
		}
		if armed && q != nil && q == p && !q.goexit {
			q.recovered = true
		}
	})
}

// A PanicNilError happens when code calls panic(nil).
type PanicNilError struct {
	_ [0]*PanicNilError
}

func (*PanicNilError) Error() string {
	return "panic called with nil argument"
}
func (*PanicNilError) RuntimeError() {}

// uncaughtPanic is called when a panic reaches the top of a goroutine:
// print it as Go does and exit 2. The frames are those gopanic recorded,
// in modules with a line table, without gopanic's own (gc shows the
// panics under it, not the one it reports).
func uncaughtPanic() {
	var message []byte
	printCapture = &message
	preprintpanics(curPanic)
	printpanics(curPanic)
	printCapture = nil
	var stack string
	if level := tracebackLevel(); level > 0 {
		stack = goroutineHeader(goroutineID(), "running")
		if callersRecorded() && len(curPanic.pcs) > 0 {
			stack += traceback(curPanic.pcs[1:])
		}
		stack += otherGoroutines(level, curg)
		print("\n")
	}
	hostAbort(0, message, bytes(stack))
}

// crash reports a fatal error in the running goroutine as gc does — its
// message, then the goroutine's traceback (which the host prints, adding
// the frames where the module cannot list them) — and ends the program
// (exit status 2).
func crash(message string) {
	abort(1, message, curg, runningStack(2))
}

// abort prints a fatal error's message and ends the program with the
// traceback GOTRACEBACK asks for: the goroutine gp's (whose header and
// frames are stack), then the others' at level all.
func abort(kind int32, message string, gp *g, stack string) {
	print(message, "\n")
	level := tracebackLevel()
	if level == 0 {
		hostAbort(kind, bytes(message), nil)
	}
	print("\n")
	hostAbort(kind, bytes(message), bytes(stack+otherGoroutines(level, gp)))
}

// outOfMemory is called for an allocation larger than the engine can
// make (gc fails the same way when the operating system refuses one).
func outOfMemory() {
	crash("fatal error: runtime: out of memory")
}

// preprintpanics converts error and Stringer panic values to strings
// before printing, as Go does.
func preprintpanics(p *_panic) {
	for ; p != nil; p = p.link {
		if p.link != nil && efaceIdentical(p.link.arg, p.arg) {
			// The same value as the next panic in the chain: printed once.
			p.link.repanicked = true
			continue
		}
		switch v := p.arg.(type) {
		case error:
			p.arg = v.Error()
		case stringer:
			p.arg = v.String()
		}
	}
}

func printpanics(p *_panic) {
	if p.link != nil {
		printpanics(p.link)
		if p.link.repanicked {
			return
		}
		if !p.link.goexit {
			print("\t")
		}
	}
	if p.goexit {
		return
	}
	print("panic: ")
	printpanicval(p.arg)
	if p.recovered && p.repanicked {
		print(" [recovered, repanicked]")
	} else if p.recovered {
		print(" [recovered]")
	}
	print("\n")
}

// Runtime error entry points called by generated code.

func panicIndex(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsIndex})
}

func panicIndexU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsIndex})
}

func panicSliceAlen(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSliceAlen})
}

func panicSliceAcap(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSliceAcap})
}

func panicSliceB(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSliceB})
}

func panicSlice3Alen(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSlice3Alen})
}

func panicSlice3Acap(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSlice3Acap})
}

func panicSlice3B(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSlice3B})
}

func panicSlice3C(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsSlice3C})
}

// panicwrap is a nil receiver of a pointer method wrapper of a value
// method; the compiler gives gc's message.
func panicwrap(msg string) {
	panic(plainError(msg))
}

func panicSliceAlenU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsSliceAlen})
}

func panicSliceAcapU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsSliceAcap})
}

func panicSliceBU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsSliceB})
}

func panicSlice3AlenU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsSlice3Alen})
}

func panicSlice3AcapU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsSlice3Acap})
}

func panicSlice3BU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsSlice3B})
}

func panicSlice3CU(x uint, y int) {
	panic(boundsError{x: int64(x), signed: false, y: y, code: boundsSlice3C})
}

func panicSliceConvert(x int, y int) {
	panic(boundsError{x: int64(x), signed: true, y: y, code: boundsConvert})
}

func panicdivide() {
	panic(divideError)
}

func panicoverflow() {
	panic(overflowError)
}

func panicshift() {
	panic(shiftError)
}

func panicmem() {
	panic(memoryError)
}

// panicUnsafeCast reports an unsafe conversion that reinterprets an
// object as another type (lower/pointers.rs, cast_unsafe).
func panicUnsafeCast(msg string) {
	panic(errorString(msg))
}

func panicNilMap() {
	panic(plainError("assignment to entry in nil map"))
}

func panicunhashable(t *_type) {
	panic(errorString("hash of unhashable type " + t.str))
}

func panicuncomparable(t *_type) {
	panic(errorString("comparing uncomparable type " + t.str))
}

var (
	divideError   = error(errorString("integer divide by zero"))
	overflowError = error(errorString("integer overflow"))
	shiftError    = error(errorString("negative shift amount"))
	memoryError   = error(errorString("invalid memory address or nil pointer dereference"))
)

// panicdottype is called when a non-comma-ok type assertion to a concrete
// type fails. have is the dynamic type (nil for a nil interface), want the
// asserted type, iface the static interface type.
func panicdottype(have, want, iface *_type) {
	panic(&TypeAssertionError{iface, have, want, ""})
}

// panicdotiface is called when an assertion to an interface type fails.
func panicdotiface(have, want, iface *_type) {
	missing := ""
	if have != nil {
		missing = missingMethod(have, want)
	}
	panic(&TypeAssertionError{iface, have, want, missing})
}
