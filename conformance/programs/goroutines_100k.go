// Checks 100000 goroutines alive at once: each blocks on a shared channel
// until main releases them all by closing it, then reports its value.
package main

import (
	"runtime"
	"sync"
	"sync/atomic"
)

func main() {
	const n = 100000
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	var sum atomic.Int64
	var alive atomic.Int32
	started.Add(n)
	finished.Add(n)
	for i := 0; i < n; i++ {
		go func() {
			alive.Add(1)
			started.Done()
			<-release
			sum.Add(int64(i))
			alive.Add(-1)
			finished.Done()
		}()
	}
	started.Wait()
	println("alive before release:", alive.Load())
	println("NumGoroutine >= n+1:", runtime.NumGoroutine() >= n+1)
	println("sum before release:", sum.Load())
	close(release)
	finished.Wait()
	println("alive after release:", alive.Load())
	println("sum:", sum.Load())

	// A second wave communicating through a chain of unbuffered channels:
	// each goroutine adds one and forwards.
	const chain = 10000
	first := make(chan int)
	in := first
	for i := 0; i < chain; i++ {
		out := make(chan int)
		go func(in <-chan int, out chan<- int) {
			out <- 1 + <-in
		}(in, out)
		in = out
	}
	first <- 0
	println("chain result:", <-in)
}
