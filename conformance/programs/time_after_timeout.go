// Checks time.After in select as a timeout: a slow operation times out, a
// fast one wins, and a loop with a shared deadline channel stops in time.
// Prints with the builtin println (no fmt). Timeouts leave at least 200ms
// between the competing events so the winner is stable under load.
package main

import (
	"strconv"
	"time"
)

func slowSquare(n int, delay time.Duration) <-chan int {
	ch := make(chan int, 1)
	go func() {
		time.Sleep(delay)
		ch <- n * n
	}()
	return ch
}

func fetch(n int, delay, timeout time.Duration) string {
	select {
	case v := <-slowSquare(n, delay):
		return "result " + strconv.Itoa(v)
	case <-time.After(timeout):
		return "timeout after " + timeout.String()
	}
}

func main() {
	println("fast:", fetch(7, 0, 250*time.Millisecond))
	println("slow:", fetch(8, 250*time.Millisecond, 20*time.Millisecond))

	// A channel returned by time.After delivers a time no earlier than
	// the call plus the duration.
	before := time.Now()
	t := <-time.After(15 * time.Millisecond)
	println("After value not early:", !t.Before(before.Add(15*time.Millisecond)))

	// Producer with a deadline shared across loop iterations: four values
	// arrive quickly, then the producer goes quiet.
	data := make(chan int)
	go func() {
		for i := 0; i < 4; i++ {
			data <- i
		}
		select {}
	}()
	deadline := time.After(200 * time.Millisecond)
	received := 0
loop:
	for {
		select {
		case v := <-data:
			received++
			println("received", v)
		case <-deadline:
			println("deadline reached")
			break loop
		}
	}
	println("received before deadline:", received)

	// Nothing ready, zero timeout: time.After(0) fires almost immediately.
	never := make(chan int)
	select {
	case <-never:
		println("impossible")
	case <-time.After(0):
		println("zero timeout fired")
	}
}
