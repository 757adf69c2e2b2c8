// Checks runtime.Goexit in a goroutine: it runs deferred calls (recover
// returns nil during Goexit), stops the goroutine, and the program continues.
package main

import (
	"runtime"
	"sync"
)

func worker(id int, log chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	defer func() {
		r := recover()
		if r == nil {
			log <- "worker deferred, recover nil"
		} else {
			log <- "worker deferred, recovered something"
		}
	}()
	defer func() { log <- "inner defer" }()
	helper(id, log)
	log <- "unreachable after helper"
}

func helper(id int, log chan<- string) {
	defer func() { log <- "helper defer" }()
	if id > 0 {
		runtime.Goexit()
	}
	log <- "not exiting"
}

func main() {
	log := make(chan string, 20)
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, log, &wg)
	wg.Wait()
	close(log)
	for s := range log {
		println(s)
	}

	// Goexit after a recovered panic in the same goroutine.
	res := make(chan string, 5)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() { res <- "outer defer runs" }()
		func() {
			defer func() { res <- "recovered: " + recover().(string) }()
			panic("oops")
		}()
		res <- "continuing after recover"
		runtime.Goexit()
		res <- "never"
	}()
	wg.Wait()
	close(res)
	for s := range res {
		println(s)
	}

	// Goexit in many goroutines; values computed before Goexit are kept.
	out := make([]int, 5)
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = i * 10
			runtime.Goexit()
			out[i] = -1
		}()
	}
	wg.Wait()
	for _, v := range out {
		print(v, " ")
	}
	println()

	// A deferred call that itself calls Goexit (after a panic) stops
	// the panic; the goroutine just exits.
	wg.Add(1)
	done := make(chan string, 1)
	go func() {
		defer wg.Done()
		defer func() {
			done <- "goexit in defer during panic"
			runtime.Goexit()
		}()
		panic("swallowed by Goexit")
	}()
	wg.Wait()
	println(<-done)
	println("main continues")
}
