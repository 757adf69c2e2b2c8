package runtime

// Channels, after Go's runtime/chan.go. Elements are held as `any` (the
// compiler boxes on send and unboxes on receive; a nil `any` unboxes to the
// zero value). Goroutines share one thread: no locks.

type hchan struct {
	qcount   int
	dataqsiz int
	buf      []any
	sendx    int
	recvx    int
	closed   bool
	recvq    waitq
	sendq    waitq
}

// A sudog is a goroutine waiting on a channel (or a semaphore).
type sudog struct {
	g    *g
	next *sudog
	prev *sudog
	// elem is the value to send, or the value received.
	elem any
	c    *hchan
	// success reports whether a channel operation completed by a matching
	// operation (false: the channel was closed).
	success  bool
	isSelect bool
	// caseIndex is the select case this sudog waits for.
	caseIndex int
	ticket    uint32
}

type waitq struct {
	first *sudog
	last  *sudog
}

func makechan(size int) *hchan {
	if size < 0 || size > maxAlloc {
		panic(plainError("makechan: size out of range"))
	}
	return &hchan{dataqsiz: size, buf: make([]any, size)}
}

const maxAlloc = 1 << 47

func chansend1(c *hchan, elem any) {
	chansend(c, elem, true)
}

// chansend sends elem on c; without block it reports false instead of
// waiting.
func chansend(c *hchan, elem any, block bool) bool {
	if block && stressOn() {
		stressYield()
	}
	if c == nil {
		if !block {
			return false
		}
		park("chan send (nil chan)")
		throw("unreachable")
	}
	if c.closed {
		panic(plainError("send on closed channel"))
	}
	if sg := c.recvq.dequeue(); sg != nil {
		send(sg, elem)
		return true
	}
	if c.qcount < c.dataqsiz {
		c.put(elem)
		return true
	}
	if !block {
		return false
	}
	mysg := &sudog{g: curg, elem: elem, c: c}
	c.sendq.enqueue(mysg)
	park("chan send")
	if !mysg.success {
		panic(plainError("send on closed channel"))
	}
	return true
}

// send completes a waiting receive.
func send(sg *sudog, elem any) {
	sg.elem = elem
	sg.success = true
	wake(sg)
}

// wake readies the goroutine waiting in sg, telling it (in select) which
// of its sudogs fired.
func wake(sg *sudog) {
	sg.g.param = sg
	goready(sg.g)
}

// put appends elem to the buffer, which has room.
func (c *hchan) put(elem any) {
	c.buf[c.sendx] = elem
	c.sendx++
	if c.sendx == c.dataqsiz {
		c.sendx = 0
	}
	c.qcount++
}

func chanrecv1(c *hchan) any {
	_, _, elem := chanrecv(c, true)
	return elem
}

func chanrecv2(c *hchan) (any, bool) {
	_, ok, elem := chanrecv(c, true)
	return elem, ok
}

// chanrecv receives from c. selected is false when it would block and block
// is false; received is false for the zero value of a closed channel.
func chanrecv(c *hchan, block bool) (selected, received bool, elem any) {
	if block && stressOn() {
		stressYield()
	}
	if c == nil {
		if !block {
			return
		}
		park("chan receive (nil chan)")
		throw("unreachable")
	}
	if c.closed && c.qcount == 0 {
		return true, false, nil
	}
	if sg := c.sendq.dequeue(); sg != nil {
		return true, true, recv(c, sg)
	}
	if c.qcount > 0 {
		elem = c.buf[c.recvx]
		c.buf[c.recvx] = nil
		c.recvx++
		if c.recvx == c.dataqsiz {
			c.recvx = 0
		}
		c.qcount--
		return true, true, elem
	}
	if !block {
		return
	}
	mysg := &sudog{g: curg, c: c}
	c.recvq.enqueue(mysg)
	park("chan receive")
	return true, mysg.success, mysg.elem
}

// recv takes a value from a waiting sender: directly when unbuffered, else
// from the head of the (full) buffer, the sender's value going to its tail.
func recv(c *hchan, sg *sudog) any {
	var elem any
	if c.dataqsiz == 0 {
		elem = sg.elem
	} else {
		elem = c.buf[c.recvx]
		c.buf[c.recvx] = sg.elem
		c.recvx++
		if c.recvx == c.dataqsiz {
			c.recvx = 0
		}
		c.sendx = c.recvx
	}
	sg.elem = nil
	sg.success = true
	wake(sg)
	return elem
}

func closechan(c *hchan) {
	if c == nil {
		panic(plainError("close of nil channel"))
	}
	if c.closed {
		panic(plainError("close of closed channel"))
	}
	c.closed = true
	for {
		sg := c.recvq.dequeue()
		if sg == nil {
			break
		}
		sg.elem = nil
		sg.success = false
		wake(sg)
	}
	for {
		sg := c.sendq.dequeue()
		if sg == nil {
			break
		}
		sg.success = false
		wake(sg)
	}
}

func chanlen(c *hchan) int {
	if c == nil {
		return 0
	}
	return c.qcount
}

func chancap(c *hchan) int {
	if c == nil {
		return 0
	}
	return c.dataqsiz
}

func (q *waitq) enqueue(sg *sudog) {
	sg.next = nil
	sg.prev = q.last
	if q.last == nil {
		q.first = sg
	} else {
		q.last.next = sg
	}
	q.last = sg
}

// dequeue removes the first waiter whose goroutine is still waiting: one
// parked in select may have been woken through another case already.
func (q *waitq) dequeue() *sudog {
	for {
		sg := q.first
		if sg == nil {
			return nil
		}
		q.remove(sg)
		if sg.isSelect {
			if sg.g.selectDone {
				continue
			}
			sg.g.selectDone = true
		}
		return sg
	}
}

func (q *waitq) remove(sg *sudog) {
	if sg.prev == nil {
		if q.first != sg {
			return // not queued
		}
		q.first = sg.next
	} else {
		sg.prev.next = sg.next
	}
	if sg.next == nil {
		q.last = sg.prev
	} else {
		sg.next.prev = sg.prev
	}
	sg.next, sg.prev = nil, nil
}
