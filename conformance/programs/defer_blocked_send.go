// Checks goroutines that block inside deferred calls during a normal
// return: the deferred send completes only when main receives, the named
// result is visible to the defer, and later defers wait for earlier ones.
package main

import "sync"

func compute(n int, report chan<- int, wg *sync.WaitGroup) (result int) {
	defer wg.Done()
	defer func() { report <- result }()
	for i := 1; i <= n; i++ {
		result += i
	}
	return result * 2
}

type stage struct {
	name string
	log  chan string
}

func (s stage) run(gate chan struct{}) {
	defer func() { s.log <- s.name + " exited" }()
	defer func() {
		<-gate
		s.log <- s.name + " passed gate"
	}()
	s.log <- s.name + " body done"
}

func main() {
	var wg sync.WaitGroup
	report := make(chan int)
	for _, n := range []int{3, 4, 5} {
		wg.Add(1)
		go compute(n, report, &wg)
	}
	got := map[int]bool{}
	for i := 0; i < 3; i++ {
		got[<-report] = true
	}
	wg.Wait()
	println("reported:", got[12], got[20], got[30], len(got))

	// A goroutine blocks in a deferred receive until main opens the gate.
	log := make(chan string)
	gate := make(chan struct{})
	go stage{name: "s1", log: log}.run(gate)
	println(<-log)
	gate <- struct{}{}
	println(<-log)
	println(<-log)

	// Deferred close after sends: range in main terminates.
	vals := make(chan int)
	go func() {
		defer close(vals)
		defer func() { vals <- 99 }()
		for i := 0; i < 3; i++ {
			vals <- i
		}
	}()
	for v := range vals {
		print(v, " ")
	}
	println()

	// Deferred unlock happens after a deferred blocking send.
	var mu sync.Mutex
	ch := make(chan string)
	go func() {
		mu.Lock()
		defer mu.Unlock()
		defer func() { ch <- "holding lock in defer" }()
	}()
	println(<-ch)
	mu.Lock()
	println("lock acquired after goroutine's defers")
	mu.Unlock()

	// A deferred call during normal return of a function called many
	// levels deep in the goroutine.
	var nest func(d int, out chan<- int) int
	nest = func(d int, out chan<- int) (r int) {
		defer func() {
			if d == 0 {
				out <- r
			}
		}()
		if d == 0 {
			return 1
		}
		return nest(d-1, out) + 1
	}
	deep := make(chan int)
	final := make(chan int)
	go func() { final <- nest(50, deep) }()
	println("bottom value:", <-deep, "final:", <-final)
}
