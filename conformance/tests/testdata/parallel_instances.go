// A goroutine-heavy program for conformance/tests/parallel_instances.rs:
// a channel pipeline, a mutex-protected counter, a worker pool and a
// select-driven fan-in. Every printed checksum is independent of the
// schedule, so native Go and each gowasm instance must print the same lines.
package main

import "sync"

// pipeline: generate -> square -> keep odd -> sum, one goroutine per stage.
func pipeline(n int) int {
	gen := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			gen <- i
		}
		close(gen)
	}()
	sq := make(chan int, 4)
	go func() {
		for v := range gen {
			sq <- v * v
		}
		close(sq)
	}()
	odd := make(chan int)
	go func() {
		for v := range sq {
			if v%2 == 1 {
				odd <- v
			}
		}
		close(odd)
	}()
	sum := 0
	for v := range odd {
		sum += v
	}
	return sum
}

// counter: many goroutines increment one counter under a mutex.
func counter(goroutines, each int) int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				mu.Lock()
				total += g%3 + 1
				mu.Unlock()
			}
		}(g)
	}
	wg.Wait()
	return total
}

func collatz(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

// workerPool: workers take jobs from a shared channel; results are
// checksummed per job id so the order in which they arrive does not matter.
func workerPool(jobs, workers int) (int, int) {
	in := make(chan int, 8)
	out := make(chan [2]int, 8)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- [2]int{j, collatz(j + 1)}
			}
		}()
	}
	go func() {
		for j := 0; j < jobs; j++ {
			in <- j
		}
		close(in)
	}()
	go func() {
		wg.Wait()
		close(out)
	}()
	count, sum := 0, 0
	for r := range out {
		count++
		sum += (r[0] + 1) * r[1]
	}
	return count, sum
}

// fanIn: two producers, merged with select until both channels are closed.
func fanIn(n int) int {
	a, b := make(chan int), make(chan int)
	produce := func(c chan<- int, base int) {
		for i := 0; i < n; i++ {
			c <- base + i
		}
		close(c)
	}
	go produce(a, 0)
	go produce(b, 1000000)
	sum := 0
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil
				continue
			}
			sum += v
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			sum += v % 7
		}
	}
	return sum
}

func main() {
	println("pipeline", pipeline(3000))
	println("counter", counter(64, 500))
	count, sum := workerPool(2000, 9)
	println("pool", count, sum)
	println("fanin", fanIn(2500))
}
