// Checks time.AfterFunc: the function runs in its own goroutine after the
// delay, Stop before it fires prevents it, Reset re-arms it, and the Timer
// returned by AfterFunc has a nil C. Prints with the builtin println (no
// fmt); deadlines that must fire in order are 100ms apart so the order is
// stable under load.
package main

import (
	"strconv"
	"sync"
	"time"
)

func main() {
	done := make(chan string)
	start := time.Now()
	t := time.AfterFunc(15*time.Millisecond, func() {
		done <- "fired"
	})
	println("C is nil:", t.C == nil)
	println(<-done, "after >= 15ms:", time.Since(start) >= 15*time.Millisecond)
	println("Stop after fire:", t.Stop())

	// Stopped before firing: never runs.
	ran := make(chan bool, 1)
	t2 := time.AfterFunc(time.Second, func() { ran <- true })
	println("Stop before fire:", t2.Stop())
	select {
	case <-ran:
		println("stopped func ran")
	case <-time.After(30 * time.Millisecond):
		println("stopped func did not run")
	}

	// Reset re-arms a stopped AfterFunc timer.
	println("Reset stopped:", t2.Reset(5*time.Millisecond))
	println("ran after Reset:", <-ran)

	// Several AfterFuncs fire in deadline order; results are collected
	// under a mutex and checked after all have run.
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{210, 10, 110} {
		wg.Add(1)
		time.AfterFunc(time.Duration(ms)*time.Millisecond, func() {
			defer wg.Done()
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		})
	}
	wg.Wait()
	s := "["
	for i, ms := range order {
		if i > 0 {
			s += " "
		}
		s += strconv.Itoa(ms)
	}
	println("AfterFunc order:", s+"]")

	// The callback runs on a goroutine other than main: it can block
	// without blocking main.
	block := make(chan struct{})
	finished := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() {
		<-block
		close(finished)
	})
	time.Sleep(5 * time.Millisecond)
	println("main not blocked by callback")
	close(block)
	<-finished
	println("callback finished")
}
