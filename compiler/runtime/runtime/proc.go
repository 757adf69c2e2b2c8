package runtime

import "unsafe"

// The scheduler. Goroutines are compiled resumable functions (see
// compiler/src/lower/resume.rs): a goroutine that parks unwinds its stack
// into frame objects and returns to the scheduler loop in start; running it
// again rewinds the frames. All goroutines share one thread, so the run
// queue and the channel and semaphore state need no locks.

// Implemented by the compiler (compiler/src/lower/goroutines.rs).

// gopark suspends the calling goroutine until goready makes it runnable
// again and the scheduler resumes it; the caller must have recorded it
// somewhere goready will be called from.
func gopark()

// runG runs or resumes a goroutine's function: 0 when it returned, 1 when
// it parked, 2 when a panic or Goexit ended it (after goroutinePanicked).
func runG(fn func()) int

// rewind makes the next runG resume from frames (nil: start afresh).
func rewind(frames unsafe.Pointer)

// takeFrames returns the frames of the goroutine that just parked.
func takeFrames() unsafe.Pointer

// numInits, callInit and callMain run package initialization and main.main.
func numInits() int
func callInit(i int)
func callMain()

type g struct {
	goid   int64
	fn     func()
	frames unsafe.Pointer
	// The goroutine's panic and defer state while it is not running.
	panic        *_panic
	defers       *_defer
	recoverArmed bool
	schedlink    *g
	waitreason   string
	// param is the sudog that woke a goroutine parked in select.
	param      *sudog
	selectDone bool
	// fipsIndicator is crypto/internal/fips140's service indicator,
	// per goroutine as in gc.
	fipsIndicator uint8
	fipsBypass    bool
	// labels are runtime/pprof's labels, inherited by new goroutines.
	labels unsafe.Pointer
	// bubble is the synctest bubble the goroutine belongs to (inherited);
	// durablyBlocked is set while it is parked durably (synctest.go).
	bubble         *synctestBubble
	durablyBlocked bool
	// allgIndex is the goroutine's index in allgs.
	allgIndex int
}

var (
	curg     *g
	maing    *g
	runqhead *g
	runqtail *g
	runqlen  int
	goidgen  int64
	// allgs holds the goroutines that have not exited, for NumGoroutine
	// and GOTRACEBACK=all.
	allgs []*g
	// mainGoexit is set when the main goroutine called Goexit.
	mainGoexit bool
)

// start is called by the module's entry point: it runs the main goroutine
// and every goroutine it starts until main returns (and exits) or no
// goroutine can run.
func start() {
	runqput(newg(runMain))
	maing = runqhead
	schedule(nil)
}

// initialize is called by the entry point of a module with
// //go:wasmexport functions, _initialize, before the host calls any: it
// runs package initialization as the main goroutine (and the goroutines
// it starts, until that is done), not main.main.
func initialize() {
	runqput(newg(runInits))
	maing = runqhead
	schedule(maing)
}

// inExport is set while the host's call of an exported function runs.
var inExport bool

// runExport runs an exported function (fn, made by the compiler, calls it
// with the host's arguments) as a goroutine until it returns; the
// goroutines the program started run meanwhile whenever it blocks, and
// those still runnable when it returns run during the next call.
func runExport(fn func()) {
	if inExport {
		fatal("//go:wasmexport function called while another one runs")
	}
	inExport = true
	gp := newg(fn)
	runqput(gp)
	schedule(gp)
	inExport = false
}

// schedule runs goroutines until until has returned, or, without until,
// for ever (main's exit ends the program).
func schedule(until *g) {
	for n := 0; ; n++ {
		// Due timers and finished host operations are taken up between
		// goroutines too (every so often: both are host calls).
		if n%64 == 0 {
			pollEvents(false)
		}
		gp := runqget()
		if gp == nil {
			if pollEvents(true) {
				continue
			}
			checkdead(until)
		}
		execute(gp)
		if gp == until && gp.fn == nil {
			return
		}
	}
}

func runMain() {
	runInits()
	callMain()
	exit(0)
}

func runInits() {
	for i := 0; i < numInits(); i++ {
		callInit(i)
	}
}

func execute(gp *g) {
	curg = gp
	curPanic, deferTop, recoverArmed = gp.panic, gp.defers, gp.recoverArmed
	rewind(gp.frames)
	gp.frames = nil
	if runG(gp.fn) == 1 {
		gp.frames = takeFrames()
		gp.panic, gp.defers, gp.recoverArmed = curPanic, deferTop, recoverArmed
	} else {
		i, n := gp.allgIndex, len(allgs)-1
		allgs[i] = allgs[n]
		allgs[i].allgIndex = i
		allgs[n] = nil
		allgs = allgs[:n]
		gp.fn = nil
		if gp.bubble != nil {
			gp.bubble.exited(gp)
		}
	}
	curg = nil
}

// goroutinePanicked is called when a panic or Goexit reaches the top of a
// goroutine: Goexit ends the goroutine; a panic ends the program.
func goroutinePanicked() {
	if curPanic != nil && curPanic.goexit && !curPanic.recovered {
		if curg == maing {
			mainGoexit = true
		}
		return
	}
	uncaughtPanic()
}

// checkdead reports Go's deadlock: no goroutine can run and no timer is
// pending. waiting is the goroutine the scheduler runs for (an exported
// function's), or nil for main's.
func checkdead(waiting *g) {
	if len(allgs) == 0 && mainGoexit {
		fatal("no goroutines (main called runtime.Goexit) - deadlock!")
	}
	if waiting == nil {
		waiting = maing
	}
	// The running code is the scheduler's, not that goroutine's.
	abort(2, "fatal error: all goroutines are asleep - deadlock!", waiting, goroutineHeader(waiting.goid, waiting.waitreason))
}

// newproc starts a goroutine (the go statement).
func newproc(fn func()) {
	stressOn()
	runqput(newg(fn))
}

// newg makes a goroutine that will run fn; it counts as existing at once.
func newg(fn func()) *g {
	goidgen++
	gp := &g{goid: goidgen, fn: fn, allgIndex: len(allgs)}
	if len(allgs) == cap(allgs) {
		// Not append: the main goroutine is made before package
		// initialization fills the size-class tables append reads.
		grown := make([]*g, len(allgs), 2*cap(allgs)+8)
		copy(grown, allgs)
		allgs = grown
	}
	allgs = allgs[:len(allgs)+1]
	allgs[gp.allgIndex] = gp
	if curg != nil {
		gp.labels = curg.labels
		if b := curg.bubble; b != nil {
			gp.bubble = b
			b.total++
			b.active++
		}
	}
	return gp
}

func runqput(gp *g) {
	gp.schedlink = nil
	if runqtail == nil {
		runqhead = gp
	} else {
		runqtail.schedlink = gp
	}
	runqtail = gp
	runqlen++
}

// runqget takes the next goroutine to run: the oldest, or the one the
// stress mode chooses.
func runqget() *g {
	if runqStress != nil {
		return runqStress()
	}
	return runqtake(0)
}

// runqtake removes the i-th goroutine of the run queue (nil when empty).
func runqtake(i int) *g {
	var prev *g
	gp := runqhead
	for ; i > 0; i-- {
		prev, gp = gp, gp.schedlink
	}
	if gp == nil {
		return nil
	}
	if prev == nil {
		runqhead = gp.schedlink
	} else {
		prev.schedlink = gp.schedlink
	}
	if runqtail == gp {
		runqtail = prev
	}
	gp.schedlink = nil
	runqlen--
	return gp
}

// goready makes a parked goroutine runnable.
func goready(gp *g) {
	gp.waitreason = ""
	if gp.durablyBlocked {
		gp.bubble.woken(gp)
	}
	runqput(gp)
}

// park parks the current goroutine, recording why for deadlock reports.
func park(reason string) {
	curg.waitreason = reason
	if b := curg.bubble; b != nil && durable(reason) {
		b.blocked(curg)
	}
	gopark()
}

// Gosched lets other goroutines run.
func Gosched() {
	runqput(curg)
	gopark()
}

// NumGoroutine returns the number of goroutines that exist.
func NumGoroutine() int {
	return len(allgs)
}

// Coroutines (iter.Pull): a goroutine that runs only when switched to.
// coroswitch hands the thread to the coroutine's other side directly and
// parks the caller.
type coro struct {
	// gp is the goroutine on the other side: the one that is parked.
	gp *g
	f  func()
}

//go:linkname iterNewcoro iter.runtimeNewcoro
func iterNewcoro(f func()) any {
	c := &coro{f: f}
	c.gp = newg(func() { corostart(c) })
	if b := c.gp.bubble; b != nil {
		// It runs only when switched to.
		b.blocked(c.gp)
	}
	return c
}

func corostart(c *coro) {
	defer coroexit(c)
	c.f()
}

// coroexit ends the coroutine's goroutine, handing the thread back.
func coroexit(c *coro) {
	next := c.gp
	c.gp = nil
	runqputhead(next)
}

//go:linkname iterCoroswitch iter.runtimeCoroswitch
func iterCoroswitch(r any) {
	c := r.(*coro)
	next := c.gp
	if next == nil {
		fatal("coroswitch on exited coro")
	}
	c.gp = curg
	runqputhead(next)
	park("coroutine")
}

// runqputhead makes gp the next goroutine to run.
func runqputhead(gp *g) {
	gp.waitreason = ""
	if gp.durablyBlocked {
		gp.bubble.woken(gp)
	}
	gp.schedlink = runqhead
	runqhead = gp
	if runqtail == nil {
		runqtail = gp
	}
	runqlen++
}
