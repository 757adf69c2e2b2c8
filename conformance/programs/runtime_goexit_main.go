// Checks runtime.Goexit called from the main goroutine: main's defers run,
// other goroutines keep running to completion, and then the program dies
// with "no goroutines (main called runtime.Goexit) - deadlock!" (exit 2).
package main

import "runtime"

func main() {
	results := make(chan int)
	release := make(chan struct{})
	deferred := make(chan struct{})
	for i := 1; i <= 3; i++ {
		go func() {
			<-release
			results <- i * i
		}()
	}
	go func() {
		// Runs after main's deferred call: collects and reports.
		<-deferred
		close(release)
		sum := 0
		for i := 0; i < 3; i++ {
			sum += <-results
		}
		println("collector sum:", sum)
	}()
	defer func() {
		println("main defer runs, recover is nil:", recover() == nil)
		close(deferred)
	}()
	println("main calling Goexit")
	runtime.Goexit()
	println("unreachable")
}
