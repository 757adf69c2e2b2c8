package runtime

import "unsafe"

// testing/synctest's bubbles (internal/synctest's runtime hooks), as gc
// runs them: goroutines started inside a bubble belong to it and see its
// fake clock (midnight UTC 2000-01-01 at the start), their timers are on
// the bubble's own heap, and when every goroutine of the bubble is durably
// blocked the bubble is idle: a goroutine in synctest.Wait wakes, or else
// the goroutine that called Run advances the clock to the next timer (or
// reports a deadlock when there is none).
//
// A goroutine is durably blocked when it parks on something only the
// bubble can end: channels, select, sleep, sync.Cond, WaitGroup. Mutexes
// and host I/O are not durable (see durable).

type synctestBubble struct {
	// root called Run and advances the clock; main runs Run's function.
	root, main *g
	// waiter is the goroutine in Wait.
	waiter *g
	now    int64
	timers timerHeap
	// total counts the bubble's goroutines (root included); active those
	// that are not durably blocked.
	total, active int
	// done: main returned, and the clock stopped.
	done bool
}

// bubbleAssoc records which bubble an object (a WaitGroup) belongs to.
var bubbleAssoc map[unsafe.Pointer]*synctestBubble

const synctestBaseTime = 946684800000000000 // midnight UTC 2000-01-01

// curBubble is the bubble of the running goroutine, if any.
func curBubble() *synctestBubble {
	if curg == nil {
		return nil
	}
	return curg.bubble
}

// durable reports whether parking for reason blocks a goroutine durably.
func durable(reason string) bool {
	switch reason {
	case "IO wait", "signal wait", "semacquire", "sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock":
		return false
	}
	return true
}

// blocked accounts for gp parking durably; woken for it running again.
func (b *synctestBubble) blocked(gp *g) {
	gp.durablyBlocked = true
	b.decActive()
}

func (b *synctestBubble) woken(gp *g) {
	gp.durablyBlocked = false
	b.active++
}

func (b *synctestBubble) decActive() {
	b.active--
	if b.active == 0 {
		// Idle: wake the goroutine in Wait, else the root.
		gp := b.waiter
		if gp == nil {
			gp = b.root
		}
		goready(gp)
	}
}

// exited accounts for one of the bubble's goroutines returning.
func (b *synctestBubble) exited(gp *g) {
	if gp == b.main {
		b.done = true
	}
	b.total--
	b.decActive()
}

type synctestDeadlockError struct {
	reason string
}

func (e synctestDeadlockError) Error() string { return e.reason }

//go:linkname synctestRun internal/synctest.Run
func synctestRun(f func()) {
	gp := curg
	if gp.bubble != nil {
		panic(plainError("synctest.Run called from within a synctest bubble"))
	}
	b := &synctestBubble{root: gp, now: synctestBaseTime, total: 1, active: 1}
	gp.bubble = b
	defer func() { gp.bubble = nil }()
	b.main = newg(f)
	runqput(b.main)
	for {
		b.timers.fire(b.now)
		park("synctest.Run")
		next, ok := b.timers.next()
		if !ok || b.done {
			break
		}
		b.now = max(b.now, next)
	}
	if b.total != 1 {
		reason := "deadlock: all goroutines in bubble are blocked"
		if b.done {
			reason = "deadlock: main bubble goroutine has exited but blocked goroutines remain"
		}
		panic(synctestDeadlockError{reason})
	}
}

//go:linkname synctestWait internal/synctest.Wait
func synctestWait() {
	b := curBubble()
	if b == nil {
		panic(plainError("goroutine is not in a bubble"))
	}
	if b.waiter != nil {
		panic(plainError("wait already in progress"))
	}
	b.waiter = curg
	park("synctest.Wait")
	b.waiter = nil
}

//go:linkname synctest_isInBubble internal/synctest.IsInBubble
func synctest_isInBubble() bool {
	return curBubble() != nil
}

//go:linkname synctest_acquire internal/synctest.acquire
func synctest_acquire() any {
	if b := curBubble(); b != nil {
		b.active++
		return b
	}
	return nil
}

//go:linkname synctest_release internal/synctest.release
func synctest_release(b any) {
	b.(*synctestBubble).decActive()
}

//go:linkname synctest_inBubble internal/synctest.inBubble
func synctest_inBubble(b any, f func()) {
	gp := curg
	if gp.bubble != nil {
		panic(plainError("goroutine is already bubbled"))
	}
	gp.bubble = b.(*synctestBubble)
	defer func() { gp.bubble = nil }()
	f()
}

// Association results, as internal/synctest's Association.
const (
	bubbleAssocUnbubbled = iota
	bubbleAssocCurrentBubble
	bubbleAssocOtherBubble
)

//go:linkname synctest_associate internal/synctest.associate
func synctest_associate(p unsafe.Pointer) int {
	b := curBubble()
	if bubbleAssoc == nil {
		bubbleAssoc = make(map[unsafe.Pointer]*synctestBubble)
	}
	switch owner := bubbleAssoc[p]; owner {
	case nil:
		bubbleAssoc[p] = b
	case b:
	default:
		return bubbleAssocOtherBubble
	}
	return bubbleAssocCurrentBubble
}

//go:linkname synctest_disassociate internal/synctest.disassociate
func synctest_disassociate(p unsafe.Pointer) {
	delete(bubbleAssoc, p)
}

//go:linkname synctest_isAssociated internal/synctest.isAssociated
func synctest_isAssociated(p unsafe.Pointer) bool {
	b := curBubble()
	return b != nil && bubbleAssoc[p] == b
}
