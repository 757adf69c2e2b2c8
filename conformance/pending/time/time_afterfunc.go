// Checks time.AfterFunc: the function runs in its own goroutine after the
// delay, Stop before it fires prevents it, Reset re-arms it, and the Timer
// returned by AfterFunc has a nil C.
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	done := make(chan string)
	start := time.Now()
	t := time.AfterFunc(15*time.Millisecond, func() {
		done <- "fired"
	})
	fmt.Println("C is nil:", t.C == nil)
	fmt.Println(<-done, "after >= 15ms:", time.Since(start) >= 15*time.Millisecond)
	fmt.Println("Stop after fire:", t.Stop())

	// Stopped before firing: never runs.
	ran := make(chan bool, 1)
	t2 := time.AfterFunc(30*time.Millisecond, func() { ran <- true })
	fmt.Println("Stop before fire:", t2.Stop())
	select {
	case <-ran:
		fmt.Println("stopped func ran")
	case <-time.After(50 * time.Millisecond):
		fmt.Println("stopped func did not run")
	}

	// Reset re-arms a stopped AfterFunc timer.
	fmt.Println("Reset stopped:", t2.Reset(5*time.Millisecond))
	fmt.Println("ran after Reset:", <-ran)

	// Several AfterFuncs fire in deadline order; results are collected
	// under a mutex and checked after all have run.
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	for _, ms := range []int{40, 10, 25} {
		wg.Add(1)
		time.AfterFunc(time.Duration(ms)*time.Millisecond, func() {
			defer wg.Done()
			mu.Lock()
			order = append(order, ms)
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println("AfterFunc order:", order)

	// The callback runs on a goroutine other than main: it can block
	// without blocking main.
	block := make(chan struct{})
	finished := make(chan struct{})
	time.AfterFunc(time.Millisecond, func() {
		<-block
		close(finished)
	})
	time.Sleep(5 * time.Millisecond)
	fmt.Println("main not blocked by callback")
	close(block)
	<-finished
	fmt.Println("callback finished")
}
