// Checks close, comma-ok receives on open and closed channels, range over a
// channel terminating on close, and closing as a broadcast to many waiters.
package main

import "sync"

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; i < 5; i++ {
			ch <- i * i
		}
		close(ch)
	}()
	for {
		v, ok := <-ch
		println("v:", v, "ok:", ok)
		if !ok {
			break
		}
	}
	// Receives from a closed channel never block and give the zero value.
	for i := 0; i < 3; i++ {
		v, ok := <-ch
		println("after close:", v, ok)
	}

	// range stops at close.
	words := make(chan string)
	go func() {
		defer close(words)
		for _, w := range []string{"alpha", "beta", "gamma"} {
			words <- w
		}
	}()
	n := 0
	for w := range words {
		n++
		println(n, w)
	}
	println("range done, count:", n)

	// Closing a channel wakes every goroutine blocked receiving on it.
	start := make(chan struct{})
	var wg sync.WaitGroup
	results := make([]bool, 6)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, ok := <-start
			results[i] = !ok
		}()
	}
	close(start)
	wg.Wait()
	all := true
	for _, r := range results {
		all = all && r
	}
	println("all waiters saw close:", all)

	// Channel of pointers: zero value after close is nil.
	pc := make(chan *int, 1)
	x := 7
	pc <- &x
	close(pc)
	p, ok := <-pc
	println("ptr:", *p, ok)
	p, ok = <-pc
	println("ptr nil:", p == nil, ok)

	// range over an already closed, empty channel runs zero iterations.
	empty := make(chan int)
	close(empty)
	iters := 0
	for range empty {
		iters++
	}
	println("iterations over closed empty:", iters)
}
