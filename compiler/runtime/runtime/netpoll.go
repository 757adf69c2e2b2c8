package runtime

// The network poller, as gc's netpoll: internal/poll registers each
// socket (pollOpen), the host watches it with its poller (edge-triggered)
// and reports readiness through poll; a goroutine whose read or write
// would block parks in pollWait until then, or until its deadline (a
// timer) or the descriptor's close. Files are not pollable (the host's
// poll_open refuses them): internal/poll treats them as blocking, and
// reads of standard input park only the reading goroutine (time.go).

//go:wasmimport gowasm poll_open
func hostPollOpen(fd int32) int32

// pollWait's results, as internal/poll reads them (gc's third,
// pollErrNotPollable, is not needed: descriptors the host cannot poll are
// refused at pollOpen).
const (
	pollNoError    = 0
	pollErrClosing = 1
	pollErrTimeout = 2
)

// A pollDesc is a registered descriptor's state.
type pollDesc struct {
	fd      int32
	closing bool
	// rready and wready record readiness the host reported and no read
	// or write has used yet.
	rready, wready bool
	// rg and wg are the goroutines waiting to read and write.
	rg, wg *g
	// rd and wd are the deadlines: 0 none, < 0 passed, else nanotime's.
	rd, wd int64
	rt, wt *timer
}

// pollDescs holds the registered descriptors by number; internal/poll's
// context for one is its number + 1 (internal/poll drops the context when
// it closes the descriptor, before the number can be reused).
var pollDescs []*pollDesc

// netpollWaiters counts goroutines parked in pollWait: while there are
// any, the scheduler waits in the host's poll rather than reporting a
// deadlock.
var netpollWaiters int

// netpoll serves internal/poll's hooks once the program has made a
// socket (syscall_runtimeSocketMade); until then nothing is pollable, and
// a program that makes none does not carry the poller (its methods are
// reached only through this interface).
var netpoll interface {
	open(fd uintptr) (uintptr, int)
	close(ctx uintptr)
	reset(ctx uintptr, mode int) int
	wait(ctx uintptr, mode int) int
	setDeadline(ctx uintptr, d int64, mode int)
	unblock(ctx uintptr)
	ready(fd int32, mask int64)
}

// hostPoller is the poller over the host's (netpoll's only value).
type hostPoller struct{}

//go:linkname syscall_runtimeSocketMade syscall.runtimeSocketMade
func syscall_runtimeSocketMade() {
	if netpoll == nil {
		netpoll = hostPoller{}
	}
}

// errNotSocket is ENOTSOCK in syscall's (WASI) numbering.
const errNotSocket = 57

//go:linkname poll_runtime_pollServerInit internal/poll.runtime_pollServerInit
func poll_runtime_pollServerInit() {}

//go:linkname poll_runtime_pollOpen internal/poll.runtime_pollOpen
func poll_runtime_pollOpen(fd uintptr) (uintptr, int) {
	if netpoll == nil {
		return 0, errNotSocket
	}
	return netpoll.open(fd)
}

//go:linkname poll_runtime_pollClose internal/poll.runtime_pollClose
func poll_runtime_pollClose(ctx uintptr) { netpoll.close(ctx) }

//go:linkname poll_runtime_pollReset internal/poll.runtime_pollReset
func poll_runtime_pollReset(ctx uintptr, mode int) int { return netpoll.reset(ctx, mode) }

//go:linkname poll_runtime_pollWait internal/poll.runtime_pollWait
func poll_runtime_pollWait(ctx uintptr, mode int) int { return netpoll.wait(ctx, mode) }

//go:linkname poll_runtime_pollSetDeadline internal/poll.runtime_pollSetDeadline
func poll_runtime_pollSetDeadline(ctx uintptr, d int64, mode int) {
	netpoll.setDeadline(ctx, d, mode)
}

//go:linkname poll_runtime_pollUnblock internal/poll.runtime_pollUnblock
func poll_runtime_pollUnblock(ctx uintptr) { netpoll.unblock(ctx) }

func (hostPoller) open(fd uintptr) (uintptr, int) {
	if r := hostPollOpen(int32(fd)); r < 0 {
		return 0, int(-r)
	}
	for int(fd) >= len(pollDescs) {
		pollDescs = append(pollDescs, nil)
	}
	pollDescs[fd] = &pollDesc{fd: int32(fd)}
	hostEventHook = hostEvent
	return fd + 1, 0
}

func pollDescOf(ctx uintptr) *pollDesc {
	return pollDescs[ctx-1]
}

func (hostPoller) close(ctx uintptr) {
	pd := pollDescOf(ctx)
	if pd.rg != nil || pd.wg != nil {
		fatal("runtime: blocked read on closing polldesc")
	}
	pd.stopTimers()
	pollDescs[pd.fd] = nil
}

// check reports why a wait in mode ('r', 'w') cannot go on, if it cannot.
func (pd *pollDesc) check(mode int) int {
	if pd.closing {
		return pollErrClosing
	}
	if (mode == 'r' && pd.rd < 0) || (mode == 'w' && pd.wd < 0) {
		return pollErrTimeout
	}
	return pollNoError
}

func (hostPoller) reset(ctx uintptr, mode int) int {
	pd := pollDescOf(ctx)
	if errcode := pd.check(mode); errcode != pollNoError {
		return errcode
	}
	if mode == 'r' {
		pd.rready = false
	} else {
		pd.wready = false
	}
	return pollNoError
}

func (hostPoller) wait(ctx uintptr, mode int) int {
	pd := pollDescOf(ctx)
	for {
		if errcode := pd.check(mode); errcode != pollNoError {
			return errcode
		}
		if mode == 'r' && pd.rready {
			pd.rready = false
			return pollNoError
		}
		if mode == 'w' && pd.wready {
			pd.wready = false
			return pollNoError
		}
		if mode == 'r' {
			pd.rg = curg
		} else {
			pd.wg = curg
		}
		netpollWaiters++
		park("IO wait")
	}
}

//go:linkname poll_runtime_pollWaitCanceled internal/poll.runtime_pollWaitCanceled
func poll_runtime_pollWaitCanceled(ctx uintptr, mode int) {}

// wake readies the goroutine waiting in mode, if one is.
func (pd *pollDesc) wake(mode int) {
	gp := &pd.rg
	if mode == 'w' {
		gp = &pd.wg
	}
	if *gp != nil {
		netpollWaiters--
		goready(*gp)
		*gp = nil
	}
}

// ready records readiness the host reported for a descriptor (mask: 1
// readable, 2 writable) and wakes its waiters.
func (hostPoller) ready(fd int32, mask int64) {
	if int(fd) >= len(pollDescs) || pollDescs[fd] == nil {
		// Closed since: the report is stale.
		return
	}
	pd := pollDescs[fd]
	if mask&1 != 0 {
		pd.rready = true
		pd.wake('r')
	}
	if mask&2 != 0 {
		pd.wready = true
		pd.wake('w')
	}
}

func (hostPoller) setDeadline(ctx uintptr, d int64, mode int) {
	pd := pollDescOf(ctx)
	if pd.closing {
		return
	}
	if d > 0 {
		d += nanotime()
		if d <= 0 {
			// Overflow: no deadline in practice.
			d = 1<<63 - 1
		}
	}
	if mode == 'r' || mode == 'r'+'w' {
		pd.rd = d
		pd.rt = pd.arm(pd.rt, d, 'r')
	}
	if mode == 'w' || mode == 'r'+'w' {
		pd.wd = d
		pd.wt = pd.arm(pd.wt, d, 'w')
	}
}

// arm sets the timer that expires the deadline d of mode (replacing t),
// or wakes the waiter now when d has passed; it returns the timer.
func (pd *pollDesc) arm(t *timer, d int64, mode int) *timer {
	if t != nil {
		deltimer(t)
	}
	if d < 0 {
		pd.wake(mode)
		return t
	}
	if d == 0 {
		return t
	}
	if t == nil {
		t = &timer{f: pollDeadline, arg: pd, seq: uintptr(mode), index: -1}
	}
	t.when = d
	addtimer(t)
	return t
}

// pollDeadline is a deadline's timer: the deadline has passed.
func pollDeadline(arg any, mode uintptr, delay int64) {
	pd := arg.(*pollDesc)
	if mode == 'r' {
		pd.rd = -1
	} else {
		pd.wd = -1
	}
	pd.wake(int(mode))
}

func (pd *pollDesc) stopTimers() {
	for _, t := range [2]*timer{pd.rt, pd.wt} {
		if t != nil {
			deltimer(t)
		}
	}
}

func (hostPoller) unblock(ctx uintptr) {
	pd := pollDescOf(ctx)
	if pd.closing {
		fatal("runtime: unblock on closing polldesc")
	}
	pd.closing = true
	pd.stopTimers()
	pd.wake('r')
	pd.wake('w')
}

//go:linkname poll_runtime_isPollServerDescriptor internal/poll.runtime_isPollServerDescriptor
func poll_runtime_isPollServerDescriptor(fd uintptr) bool { return false }
