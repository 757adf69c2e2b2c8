package runtime

// select, after Go's runtime/select.go. The compiler fills a []scase with
// newselect and selectcase, in source order, then calls selectgo.

type scase struct {
	c    *hchan
	elem any
	send bool
}

func newselect(n int) []scase {
	return make([]scase, n)
}

func selectcase(cases []scase, i int, c *hchan, send bool, elem any) {
	cases[i] = scase{c: c, elem: elem, send: send}
}

// selectgo chooses a ready case at random, or waits for one unless block
// is false (then -1: the default case). It returns the chosen case, and for
// a receive whether a value was received and the value.
func selectgo(cases []scase, block bool) (int, bool, any) {
	if block && stressOn() {
		stressYield()
	}
	n := len(cases)
	// A random permutation of the cases to poll in.
	order := make([]int, n)
	for i := 1; i < n; i++ {
		j := int(rand() % uint64(i+1))
		order[i] = order[j]
		order[j] = i
	}
	for _, i := range order {
		cas := &cases[i]
		c := cas.c
		if c == nil {
			continue
		}
		if cas.send {
			if c.closed {
				panic(plainError("send on closed channel"))
			}
			if sg := c.recvq.dequeue(); sg != nil {
				send(sg, cas.elem)
				return i, false, nil
			}
			if c.qcount < c.dataqsiz {
				c.put(cas.elem)
				return i, false, nil
			}
		} else {
			if sg := c.sendq.dequeue(); sg != nil {
				return i, true, recv(c, sg)
			}
			if c.qcount > 0 {
				_, _, elem := chanrecv(c, false)
				return i, true, elem
			}
			if c.closed {
				return i, false, nil
			}
		}
	}
	if !block {
		return -1, false, nil
	}
	gp := curg
	gp.selectDone = false
	gp.param = nil
	waiting := make([]*sudog, n)
	live := false
	for i := range cases {
		c := cases[i].c
		if c == nil {
			continue
		}
		live = true
		sg := &sudog{g: gp, c: c, isSelect: true, caseIndex: i, elem: cases[i].elem}
		waiting[i] = sg
		if cases[i].send {
			c.sendq.enqueue(sg)
		} else {
			c.recvq.enqueue(sg)
		}
	}
	if !live {
		if n == 0 {
			park("select (no cases)")
		} else {
			park("select")
		}
		throw("unreachable")
	}
	park("select")
	sg := gp.param
	gp.param = nil
	for i, w := range waiting {
		if w != nil && w != sg {
			if cases[i].send {
				cases[i].c.sendq.remove(w)
			} else {
				cases[i].c.recvq.remove(w)
			}
		}
	}
	i := sg.caseIndex
	if cases[i].send {
		if !sg.success {
			panic(plainError("send on closed channel"))
		}
		return i, false, nil
	}
	return i, sg.success, sg.elem
}
