package runtime

// Timers: a binary min-heap ordered by when, run by the scheduler (proc.go)
// between goroutines. When no goroutine can run, the scheduler waits in the
// host (poll) until the earliest timer is due or a host operation
// finishes.

type timer struct {
	when   int64
	period int64
	f      func(arg any, seq uintptr, delay int64)
	arg    any
	seq    uintptr
	// heap is the heap the timer is queued on (set when first queued),
	// index its place there; -1 when not queued.
	heap  *timerHeap
	index int
	// ch is a time.Timer's or Ticker's channel: emptied when the timer is
	// stopped or reset, so that no stale value is received afterwards (Go
	// 1.23's guarantee).
	ch *hchan
}

// timerHeap is a binary min-heap of timers ordered by when: the program's
// (timers) and each synctest bubble's.
type timerHeap []*timer

var timers timerHeap

// timersHook is fireTimers once a timer has been added: programs that use
// no timers do not carry the timer code.
var timersHook func(now int64) (next int64, ok bool)

// Host operations in flight (reads of stdin), and the goroutine waiting
// for each.
var (
	ioOps     int
	ioWaiters map[int64]*g
	// hostEventHook is hostEvent once an operation has started or a
	// descriptor has been registered with the poller (programs that do
	// no host I/O do not carry it).
	hostEventHook func(ev int64)
)

// hostEvent takes up an event poll reported: a finished operation, or a
// registered descriptor's readiness (docs/abi.md, "poll").
func hostEvent(ev int64) {
	switch ev >> 48 {
	case 0:
		ioDone(ev)
	case 1:
		netpoll.ready(int32(ev>>8&(1<<40-1)), ev&0xff)
	case 2:
		sigDeliveredHook(uint32(ev & 0xff))
	}
}

//go:wasmimport gowasm read_start
func hostReadStart(fd int32, n int32) int64

//go:wasmimport gowasm resolve_start
func hostResolveStart(name string, what int32) int64

//go:wasmimport gowasm op_finish
func hostOpFinish(op int64, b []byte) int32

// awaitOp parks the current goroutine (others keep running) until the
// host reports operation op done, then copies its result into b: the
// count, or a negative errno (also when op is one, the start's failure).
func awaitOp(op int64, b []byte) int32 {
	if op < 0 {
		return int32(op)
	}
	if ioWaiters == nil {
		ioWaiters = make(map[int64]*g)
	}
	ioWaiters[op] = curg
	ioOps++
	hostEventHook = hostEvent
	park("IO wait")
	return hostOpFinish(op, b)
}

// syscall_runtimeRead reads from fd on a host worker thread.
//
//go:linkname syscall_runtimeRead syscall.runtimeRead
func syscall_runtimeRead(fd int32, b []byte) int32 {
	return awaitOp(hostReadStart(fd, int32(len(b))), b)
}

// net_runtimeResolve asks the host's resolver (docs/abi.md,
// resolve_start).
//
//go:linkname net_runtimeResolve net.runtimeResolve
func net_runtimeResolve(name string, what int32, b []byte) int32 {
	return awaitOp(hostResolveStart(name, what), b)
}

// ioDone readies the goroutine waiting for a finished host operation.
func ioDone(op int64) {
	ioOps--
	gp := ioWaiters[op]
	delete(ioWaiters, op)
	goready(gp)
}

// pollEvents runs due timers and readies goroutines whose host operation
// finished or whose socket became ready. With wait, unless that made a goroutine runnable, it first
// waits (in the host) for the earliest timer or operation. It reports
// false only when no goroutine is runnable and nothing is pending: then
// the program is deadlocked.
func pollEvents(wait bool) bool {
	next, timed := int64(0), false
	if timersHook != nil {
		next, timed = timersHook(nanotime())
	}
	if runqhead != nil {
		// A timer that fired readied a goroutine (a timer due before its
		// goroutine parked, time.After(0)): run it, do not wait.
		wait = false
	}
	waiting := ioOps > 0 || netpollWaiters > 0 || signalWaiters > 0
	if !timed && !waiting {
		return runqhead != nil
	}
	timeout := int64(0)
	if wait {
		timeout = -1
		if timed {
			timeout = max(next-nanotime(), 0)
		}
	}
	if waiting || timeout > 0 {
		// Every event that has arrived, up to a bound: sockets that keep
		// becoming ready must not keep the scheduler from its goroutines.
		ev := hostPoll(timeout)
		for n := 0; ev >= 0; n++ {
			hostEventHook(ev)
			if n == maxEventsPerPoll {
				break
			}
			ev = hostPoll(0)
		}
	}
	if wait && timersHook != nil {
		timersHook(nanotime())
	}
	return true
}

//go:wasmimport gowasm poll
func hostPoll(timeoutNanos int64) int64

// maxEventsPerPoll bounds the events pollEvents takes up at once.
const maxEventsPerPoll = 1024

// addtimer queues t on its heap: the bubble's of the goroutine that
// made it, or the program's.
func addtimer(t *timer) {
	if t.heap == nil {
		t.heap = &timers
		if b := curBubble(); b != nil {
			t.heap = &b.timers
		}
	}
	if t.heap == &timers {
		if stressOn() {
			timersHook = stressFireTimers
		} else {
			timersHook = fireTimers
		}
	}
	t.heap.add(t)
}

// deltimer removes t from its heap, reporting whether it was queued.
func deltimer(t *timer) bool {
	return t.heap != nil && t.heap.del(t)
}

func (h *timerHeap) add(t *timer) {
	t.index = len(*h)
	*h = append(*h, t)
	h.siftup(t.index)
}

func (h *timerHeap) del(t *timer) bool {
	i := t.index
	if i < 0 {
		return false
	}
	ts := *h
	last := len(ts) - 1
	ts[i] = ts[last]
	ts[i].index = i
	ts[last] = nil
	*h = ts[:last]
	t.index = -1
	if i < last {
		h.siftup(i)
		h.siftdown(ts[i].index)
	}
	return true
}

func (h *timerHeap) siftup(i int) {
	ts := *h
	t := ts[i]
	for i > 0 {
		p := (i - 1) / 2
		if ts[p].when <= t.when {
			break
		}
		ts[i] = ts[p]
		ts[i].index = i
		i = p
	}
	ts[i] = t
	t.index = i
}

func (h *timerHeap) siftdown(i int) {
	ts := *h
	n := len(ts)
	t := ts[i]
	for {
		c := 2*i + 1
		if c >= n {
			break
		}
		if c+1 < n && ts[c+1].when < ts[c].when {
			c++
		}
		if ts[c].when >= t.when {
			break
		}
		ts[i] = ts[c]
		ts[i].index = i
		i = c
	}
	ts[i] = t
	t.index = i
}

// fire runs the timers due at now and returns when the next one is due
// (ok is false when none is queued).
func (h *timerHeap) fire(now int64) (next int64, ok bool) {
	for len(*h) > 0 && (*h)[0].when <= now {
		t := (*h)[0]
		h.del(t)
		delay := now - t.when
		if t.period > 0 {
			t.when += t.period * (1 + delay/t.period)
			addtimer(t)
		}
		t.f(t.arg, t.seq, delay)
	}
	return h.next()
}

// next reports when the earliest timer is due (ok is false when none is
// queued).
func (h *timerHeap) next() (when int64, ok bool) {
	if len(*h) == 0 {
		return 0, false
	}
	return (*h)[0].when, true
}

// fireTimers runs the program's due timers (timersHook).
func fireTimers(now int64) (next int64, ok bool) {
	return timers.fire(now)
}

// timeSleep parks the current goroutine for ns nanoseconds.
//
//go:linkname timeSleep time.Sleep
func timeSleep(ns int64) {
	if ns <= 0 {
		return
	}
	when := time_runtimeNano() + ns
	if when < 0 {
		// Overflow: a sleep that never ends, as gc's.
		when = 1<<63 - 1
	}
	t := &timer{when: when, f: readyTimer, arg: curg, index: -1}
	addtimer(t)
	park("sleep")
}

func readyTimer(arg any, seq uintptr, delay int64) {
	goready(arg.(*g))
}

// The time package's timers (time/sleep.go in gowasm's overlay keeps the
// runtime timer in a field of Timer and Ticker).

//go:linkname time_runtimeNewTimer time.runtimeNewTimer
func time_runtimeNewTimer(when, period int64, f func(any, uintptr, int64), arg any, c any) any {
	t := &timer{when: when, period: period, f: f, arg: arg, index: -1}
	if c != nil {
		t.ch = payload[*hchan](c)
	}
	addtimer(t)
	return t
}

//go:linkname time_runtimeStopTimer time.runtimeStopTimer
func time_runtimeStopTimer(r any) bool {
	t := r.(*timer)
	pending := deltimer(t)
	return t.drain() || pending
}

//go:linkname time_runtimeResetTimer time.runtimeResetTimer
func time_runtimeResetTimer(r any, when, period int64) bool {
	t := r.(*timer)
	pending := deltimer(t)
	drained := t.drain()
	t.when, t.period = when, period
	addtimer(t)
	return pending || drained
}

// drain empties a synchronous timer channel (Go 1.23's timers, unless
// GODEBUG=asynctimerchan=1) and reports whether it held a value: a value
// sent but not received counts as a timer still pending, so Stop and
// Reset report true and no stale value is received afterwards.
func (t *timer) drain() bool {
	drained := false
	if t.ch != nil {
		for t.ch.qcount > 0 {
			chanrecv(t.ch, false)
			drained = true
		}
	}
	return drained
}

//go:linkname time_runtimeNow time.runtimeNow
func time_runtimeNow() (sec int64, nsec int32, mono int64) {
	if b := curBubble(); b != nil {
		// A bubble's clock has no monotonic reading (as gc's).
		return b.now / 1e9, int32(b.now % 1e9), 0
	}
	wall := hostClockNow(0) + clockSkew
	return wall / 1e9, int32(wall % 1e9), nanotime()
}

//go:linkname time_runtimeNano time.runtimeNano
func time_runtimeNano() int64 {
	if b := curBubble(); b != nil {
		return b.now
	}
	return nanotime()
}

//go:linkname time_runtimeIsBubbled time.runtimeIsBubbled
func time_runtimeIsBubbled() bool {
	return curBubble() != nil
}

//go:linkname syscall_now syscall.now
func syscall_now() (sec int64, nsec int32) {
	sec, nsec, _ = time_runtimeNow()
	return
}

// haveHighResSleep tells time's tests that sleeps are not rounded to a
// coarse tick: the scheduler sleeps in the host's poll to the nanosecond.
// (time's tests reach it through //go:linkname.)
var haveHighResSleep = true
