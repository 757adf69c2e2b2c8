package runtime

import "unsafe"

// Runtime hooks of sync and internal/sync: semaphores and notify lists
// (sync.Cond), parking goroutines through the scheduler (proc.go).

// semtable maps a semaphore to the index of its waiters (oldest first) in
// semqueues; semfree lists unused indexes. Indexes, not pointers: a map's
// values are boxed, so described for reflection, and a *waitq would bring
// the scheduler's types (g, sudog, channels, timers) and their reflective
// code into every program using sync (12 KB of a fmt hello world).
var (
	semtable  map[*uint32]int
	semqueues []waitq
	semfree   []int
)

func semacquire(addr *uint32, reason string) {
	if stressOn() {
		stressYield()
	}
	for *addr == 0 {
		if semtable == nil {
			semtable = make(map[*uint32]int)
		}
		i, ok := semtable[addr]
		if !ok {
			if n := len(semfree); n > 0 {
				i, semfree = semfree[n-1], semfree[:n-1]
			} else {
				i = len(semqueues)
				semqueues = append(semqueues, waitq{})
			}
			semtable[addr] = i
		}
		semqueues[i].enqueue(&sudog{g: curg})
		park(reason)
	}
	*addr--
}

// semrelease wakes the oldest waiter, which takes the count when it runs
// (unless another goroutine took it first: then it waits again).
func semrelease(addr *uint32) {
	*addr++
	i, ok := semtable[addr]
	if !ok {
		return
	}
	q := &semqueues[i]
	if sg := q.dequeue(); sg != nil {
		goready(sg.g)
	}
	if q.first == nil {
		delete(semtable, addr)
		semfree = append(semfree, i)
	}
}

//go:linkname sync_runtime_Semacquire sync.runtime_Semacquire
func sync_runtime_Semacquire(s *uint32) { semacquire(s, "semacquire") }

//go:linkname sync_runtime_SemacquireWaitGroup sync.runtime_SemacquireWaitGroup
func sync_runtime_SemacquireWaitGroup(s *uint32, synctestDurable bool) {
	semacquire(s, "sync.WaitGroup.Wait")
}

//go:linkname sync_runtime_SemacquireRWMutexR sync.runtime_SemacquireRWMutexR
func sync_runtime_SemacquireRWMutexR(s *uint32, lifo bool, skipframes int) {
	semacquire(s, "sync.RWMutex.RLock")
}

//go:linkname sync_runtime_SemacquireRWMutex sync.runtime_SemacquireRWMutex
func sync_runtime_SemacquireRWMutex(s *uint32, lifo bool, skipframes int) {
	semacquire(s, "sync.RWMutex.Lock")
}

//go:linkname sync_runtime_Semrelease sync.runtime_Semrelease
func sync_runtime_Semrelease(s *uint32, handoff bool, skipframes int) { semrelease(s) }

//go:linkname internal_sync_runtime_SemacquireMutex internal/sync.runtime_SemacquireMutex
func internal_sync_runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int) {
	semacquire(s, "sync.Mutex.Lock")
}

//go:linkname internal_sync_runtime_Semrelease internal/sync.runtime_Semrelease
func internal_sync_runtime_Semrelease(s *uint32, handoff bool, skipframes int) { semrelease(s) }

//go:linkname internal_sync_runtime_canSpin internal/sync.runtime_canSpin
func internal_sync_runtime_canSpin(i int) bool { return false }

//go:linkname internal_sync_runtime_doSpin internal/sync.runtime_doSpin
func internal_sync_runtime_doSpin() {}

//go:linkname internal_sync_runtime_nanotime internal/sync.runtime_nanotime
func internal_sync_runtime_nanotime() int64 { return nanotime() }

//go:linkname internal_sync_throw internal/sync.throw
func internal_sync_throw(s string) { throw(s) }

//go:linkname internal_sync_fatal internal/sync.fatal
func internal_sync_fatal(s string) { fatal(s) }

//go:linkname sync_throw sync.throw
func sync_throw(s string) { throw(s) }

//go:linkname sync_fatal sync.fatal
func sync_fatal(s string) { fatal(s) }

// A notifyList is the waiting side of a sync.Cond: tickets are handed out
// in order by notifyListAdd; notifications release tickets in order.
type notifyList struct {
	wait   uint32
	notify uint32
	// unwaited counts the tickets handed out whose holders have not yet
	// called notifyListWait.
	unwaited uint32
	waiters  waitq
}

// notifyLists holds the state of each sync.Cond's list in use (sync's own
// notifyList struct is only a key: its layout is gc's). A list is dropped
// when nothing about it is outstanding (release): a server makes a Cond
// per connection.
var notifyLists map[unsafe.Pointer]*notifyList

// release drops l's list when every ticket handed out has been waited
// for and notified and nobody waits: a fresh list, whose tickets start
// again at 0, is then the same.
func (n *notifyList) release(l unsafe.Pointer) {
	if n.unwaited == 0 && n.wait == n.notify && n.waiters.first == nil {
		delete(notifyLists, l)
	}
}

func notifyListOf(l unsafe.Pointer) *notifyList {
	if notifyLists == nil {
		notifyLists = make(map[unsafe.Pointer]*notifyList)
	}
	n := notifyLists[l]
	if n == nil {
		n = new(notifyList)
		notifyLists[l] = n
	}
	return n
}

//go:linkname sync_runtime_notifyListAdd sync.runtime_notifyListAdd
func sync_runtime_notifyListAdd(l unsafe.Pointer) uint32 {
	n := notifyListOf(l)
	n.wait++
	n.unwaited++
	return n.wait - 1
}

//go:linkname sync_runtime_notifyListWait sync.runtime_notifyListWait
func sync_runtime_notifyListWait(l unsafe.Pointer, t uint32) {
	n := notifyListOf(l)
	n.unwaited--
	if int32(t-n.notify) < 0 {
		// Already notified.
		n.release(l)
		return
	}
	n.waiters.enqueue(&sudog{g: curg, ticket: t})
	park("sync.Cond.Wait")
}

//go:linkname sync_runtime_notifyListNotifyAll sync.runtime_notifyListNotifyAll
func sync_runtime_notifyListNotifyAll(l unsafe.Pointer) {
	n := notifyLists[l]
	if n == nil {
		// Nothing outstanding.
		return
	}
	n.notify = n.wait
	for {
		sg := n.waiters.dequeue()
		if sg == nil {
			break
		}
		goready(sg.g)
	}
	n.release(l)
}

//go:linkname sync_runtime_notifyListNotifyOne sync.runtime_notifyListNotifyOne
func sync_runtime_notifyListNotifyOne(l unsafe.Pointer) {
	n := notifyLists[l]
	if n == nil {
		return
	}
	if n.wait != n.notify {
		t := n.notify
		n.notify++
		for sg := n.waiters.first; sg != nil; sg = sg.next {
			if sg.ticket == t {
				n.waiters.remove(sg)
				goready(sg.g)
				break
			}
		}
	}
	n.release(l)
}

//go:linkname sync_runtime_notifyListCheck sync.runtime_notifyListCheck
func sync_runtime_notifyListCheck(size uintptr) {}

// throw reports a fatal runtime error and exits.
func throw(s string) {
	crash("fatal error: " + s)
}

func fatal(s string) {
	crash("fatal error: " + s)
}

// nanotime is the monotonic clock: the host's, plus the jumps of the
// scheduler's stress mode (stress.go).
func nanotime() int64 {
	return hostClockNow(1) + clockSkew
}

var randState uint64 = 0x9E3779B97F4A7C15

// rand returns a pseudo-random number (wyrand).
func rand() uint64 {
	randState += 0xa0761d6478bd642f
	hi, lo := mul64(randState, randState^0xe7037ed1a0b428db)
	return hi ^ lo
}

func mul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0 := x & mask32
	x1 := x >> 32
	y0 := y & mask32
	y1 := y >> 32
	w0 := x0 * y0
	t := x1*y0 + w0>>32
	w1 := t & mask32
	w2 := t >> 32
	w1 += x0 * y1
	hi = x1*y1 + w2 + w1>>32
	lo = x * y
	return
}

// internal/bytealg bodies (assembly in gc).

//go:linkname bytealg_MakeNoZero internal/bytealg.MakeNoZero
func bytealg_MakeNoZero(n int) []byte { return make([]byte, n) }

//go:linkname bytealg_IndexByte internal/bytealg.IndexByte
func bytealg_IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

//go:linkname bytealg_IndexByteString internal/bytealg.IndexByteString
func bytealg_IndexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

//go:linkname bytealg_Count internal/bytealg.Count
func bytealg_Count(b []byte, c byte) int {
	n := 0
	for _, x := range b {
		if x == c {
			n++
		}
	}
	return n
}

//go:linkname bytealg_CountString internal/bytealg.CountString
func bytealg_CountString(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

//go:linkname bytealg_Compare internal/bytealg.Compare
func bytealg_Compare(a, b []byte) int {
	return cmpstring(unsafestring(a), unsafestring(b))
}

//go:linkname bytealg_Index internal/bytealg.Index
func bytealg_Index(a, b []byte) int {
	return bytealg_IndexString(unsafestring(a), unsafestring(b))
}

//go:linkname bytealg_IndexString internal/bytealg.IndexString
func bytealg_IndexString(a, b string) int {
	n := len(b)
	for i := 0; i+n <= len(a); i++ {
		if a[i:i+n] == b {
			return i
		}
	}
	return -1
}

//go:linkname sync_atomic_sameType sync/atomic.sameType
func sync_atomic_sameType(a, b any) bool { return efaceType(a) == efaceType(b) }
