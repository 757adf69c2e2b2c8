// Checks the runtime's deadlock detection: main blocks forever receiving
// from a channel with no other goroutines (fatal error, exit 2).
package main

func main() {
	ch := make(chan int, 1)
	ch <- 1
	println("buffered value:", <-ch)
	done := make(chan bool)
	go func() {
		println("helper running")
		done <- true
	}()
	println("helper finished:", <-done)
	defer println("deferred call must not run on fatal error")
	println("about to block")
	v := <-ch
	println("unreachable", v)
}
