// Checks time.Sleep: goroutines sleeping different durations finish in order
// of their durations regardless of start order; Sleep(0) and negative
// durations return immediately. Prints with the builtin println (no fmt);
// durations are 100ms apart and the only upper bound has 200ms of slack so
// the output is stable under load.
package main

import (
	"sync"
	"time"
)

func main() {
	order := make(chan int, 3)
	var wg sync.WaitGroup
	// Started longest first so start order differs from finish order.
	for _, ms := range []int{210, 110, 10} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Duration(ms) * time.Millisecond)
			order <- ms
		}()
	}
	wg.Wait()
	close(order)
	for ms := range order {
		println("woke after", ms, "ms")
	}

	start := time.Now()
	time.Sleep(0)
	time.Sleep(-5 * time.Second)
	println("zero/negative sleep fast:", time.Since(start) < 200*time.Millisecond)

	// Sleep blocks only the calling goroutine: a busy goroutine keeps
	// making progress while main sleeps.
	var mu sync.Mutex
	count := 0
	stop := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		for {
			select {
			case <-stop:
				return
			default:
			}
			mu.Lock()
			count++
			mu.Unlock()
			time.Sleep(time.Millisecond)
		}
	}()
	time.Sleep(20 * time.Millisecond)
	close(stop)
	<-finished
	println("other goroutine progressed during sleep:", count > 0)

	// Sleeping at least the requested duration.
	for _, d := range []time.Duration{time.Millisecond, 5 * time.Millisecond, 15 * time.Millisecond} {
		t0 := time.Now()
		time.Sleep(d)
		println("slept >=", d.String()+":", time.Since(t0) >= d)
	}
}
