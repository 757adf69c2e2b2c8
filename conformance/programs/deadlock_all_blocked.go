// Checks deadlock detection when several goroutines are all blocked: a ring
// of goroutines each waiting to receive, plus a mutex held forever and main
// waiting on a WaitGroup (fatal error, exit 2).
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	const n = 4
	chans := make([]chan int, n)
	for i := range chans {
		chans[i] = make(chan int)
	}
	started := make(chan int, n+1)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			started <- i
			// Each goroutine waits for its predecessor before sending on.
			v := <-chans[i]
			chans[(i+1)%n] <- v + 1
		}()
	}
	var mu sync.Mutex
	mu.Lock()
	wg.Add(1)
	go func() {
		defer wg.Done()
		started <- -1
		mu.Lock()
	}()
	sum := 0
	for i := 0; i < n+1; i++ {
		sum += <-started
	}
	println("all started, id sum:", sum)
	wg.Wait()
	println("unreachable")
}
