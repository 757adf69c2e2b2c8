// Checks the runtime panics raised by channel misuse, each recovered and its
// message printed: send on closed channel, close of nil channel, close of
// closed channel, and makechan with a negative size.
package main

import "runtime"

func try(name string, f func()) {
	defer func() {
		r := recover()
		if r == nil {
			println(name, ": no panic")
			return
		}
		_, isRuntime := r.(runtime.Error)
		println(name, ":", r.(error).Error(), "runtime.Error:", isRuntime)
	}()
	f()
}

func main() {
	try("send on closed", func() {
		ch := make(chan int, 1)
		close(ch)
		ch <- 1
	})
	try("close nil", func() {
		var ch chan string
		close(ch)
	})
	try("close closed", func() {
		ch := make(chan struct{})
		close(ch)
		close(ch)
	})
	try("send on closed in select", func() {
		ch := make(chan int)
		close(ch)
		select {
		case ch <- 1:
		default:
		}
	})
	try("negative buffer", func() {
		n := -1
		_ = make(chan int, n)
	})
	try("recv from closed", func() {
		ch := make(chan int)
		close(ch)
		<-ch
	})

	// A sender blocked on a channel panics when another goroutine closes it.
	ch := make(chan int)
	result := make(chan string)
	go func() {
		defer func() {
			result <- "blocked sender: " + recover().(error).Error()
		}()
		ch <- 42
	}()
	// Let the sender block first; closing either before or after it blocks
	// yields the same panic.
	runtime.Gosched()
	close(ch)
	println(<-result)

	// Receivers blocked on the channel are released with the zero value.
	ch2 := make(chan int)
	got := make(chan bool)
	go func() {
		v, ok := <-ch2
		got <- v == 0 && !ok
	}()
	close(ch2)
	println("blocked receiver released:", <-got)
}
