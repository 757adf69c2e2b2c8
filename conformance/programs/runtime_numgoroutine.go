// Checks runtime.NumGoroutine at points where its value is deterministic:
// at start, while goroutines are blocked, and after they have all exited.
package main

import (
	"runtime"
	"sync"
)

func waitForCount(n int) int {
	for runtime.NumGoroutine() > n {
		runtime.Gosched()
	}
	return runtime.NumGoroutine()
}

func main() {
	println("at start:", runtime.NumGoroutine())

	release := make(chan struct{})
	var started sync.WaitGroup
	var finished sync.WaitGroup
	for i := 0; i < 10; i++ {
		started.Add(1)
		finished.Add(1)
		go func() {
			defer finished.Done()
			started.Done()
			<-release
		}()
	}
	started.Wait()
	// All ten are either blocked or about to block; none has exited.
	println("with 10 blocked:", runtime.NumGoroutine())
	close(release)
	finished.Wait()
	println("after join, at least 1:", runtime.NumGoroutine() >= 1, "at most 11:", runtime.NumGoroutine() <= 11)
	println("after exit:", waitForCount(1))

	// Goroutines that start other goroutines.
	done := make(chan int)
	var spawn func(depth int)
	spawn = func(depth int) {
		if depth == 0 {
			done <- 1
			return
		}
		go spawn(depth - 1)
		go spawn(depth - 1)
	}
	go spawn(5)
	total := 0
	for i := 0; i < 32; i++ {
		total += <-done
	}
	println("leaves:", total, "final:", waitForCount(1))

	// A goroutine blocked forever on a nil channel is still counted.
	var never chan int
	go func() { <-never }()
	go func() { select {} }()
	println("with 2 stuck:", runtime.NumGoroutine())
	println("NumCPU positive:", runtime.NumCPU() > 0, "GOMAXPROCS positive:", runtime.GOMAXPROCS(0) > 0)
}
