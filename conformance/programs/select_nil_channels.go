// Checks that nil channels in select are never ready: used to disable cases
// while merging two channels until both are closed.
package main

func gen(start, n int) chan int {
	ch := make(chan int)
	go func() {
		for i := 0; i < n; i++ {
			ch <- start + i
		}
		close(ch)
	}()
	return ch
}

func main() {
	a := gen(100, 4)
	b := gen(200, 6)
	sumA, sumB, nA, nB := 0, 0, 0, 0
	closes := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				closes++
				a = nil
				continue
			}
			sumA += v
			nA++
		case v, ok := <-b:
			if !ok {
				closes++
				b = nil
				continue
			}
			sumB += v
			nB++
		}
	}
	println("a:", nA, sumA, "b:", nB, sumB, "closes seen:", closes)

	// A select whose only non-nil case is ready picks it every time.
	var never chan int
	ready := make(chan int, 1)
	hits := 0
	for i := 0; i < 100; i++ {
		ready <- i
		select {
		case <-never:
			println("impossible")
		case never <- 1:
			println("impossible send")
		case v := <-ready:
			hits += v
		}
	}
	println("hits sum:", hits)

	// All-nil select with default takes default.
	var x, y chan string
	select {
	case s := <-x:
		println("x", s)
	case y <- "hi":
		println("sent y")
	default:
		println("default with nil channels")
	}

	// Disabling a send case by setting it to nil.
	out := make(chan int, 3)
	var sendTo chan int = out
	sent := 0
	for i := 0; i < 10; i++ {
		if len(out) == cap(out) {
			sendTo = nil
		}
		select {
		case sendTo <- i:
			sent++
		default:
		}
	}
	println("sent before disable:", sent, "len:", len(out))
}
