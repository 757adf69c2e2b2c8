// Checks select with a default case: non-blocking sends and receives on
// full, empty, closed and nil channels, and polling until a value arrives.
package main

import "runtime"

func trySend(ch chan int, v int) bool {
	select {
	case ch <- v:
		return true
	default:
		return false
	}
}

func tryRecv(ch chan int) (int, bool, bool) {
	select {
	case v, ok := <-ch:
		return v, ok, true
	default:
		return 0, false, false
	}
}

func main() {
	ch := make(chan int, 2)
	for i := 1; i <= 3; i++ {
		println("trySend", i, trySend(ch, i), "len", len(ch))
	}
	for i := 0; i < 3; i++ {
		v, ok, got := tryRecv(ch)
		println("tryRecv", v, ok, got)
	}

	// Unbuffered channel with no partner: default always taken.
	unbuf := make(chan int)
	println("unbuffered send:", trySend(unbuf, 1))
	_, _, got := tryRecv(unbuf)
	println("unbuffered recv:", got)

	// Closed channel: receive is always ready.
	closed := make(chan int)
	close(closed)
	v, ok, got := tryRecv(closed)
	println("closed recv:", v, ok, got)

	// nil channel: never ready.
	var nilch chan int
	println("nil send:", trySend(nilch, 1))
	_, _, got = tryRecv(nilch)
	println("nil recv:", got)

	// Empty select with only default.
	n := 0
	for i := 0; i < 3; i++ {
		select {
		default:
			n++
		}
	}
	println("default-only select ran", n)

	// Poll until a goroutine delivers; count of polls is not printed.
	result := make(chan string)
	go func() {
		result <- "ready"
	}()
	polls := 0
	var msg string
loop:
	for {
		select {
		case msg = <-result:
			break loop
		default:
			polls++
			// Yield so the sender can run even without preemption.
			runtime.Gosched()
		}
	}
	println("polled message:", msg, polls >= 0)
}
