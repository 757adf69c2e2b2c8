// A deferred call that recovers a panic and then blocks on a channel: the
// goroutine parks inside the panic handler and resumes there, and the
// function still returns its named result.
package main

import "runtime"

var ch = make(chan int)

func f(n int) (r int) {
	x := n * 10
	defer func() {
		if e := recover(); e != nil {
			println("recovered", e.(string), x)
			ch <- x // blocks until the collector runs
			r = x + 1
		}
	}()
	if n > 0 {
		panic("boom")
	}
	return n
}

func main() {
	got := make(chan []int)
	go func() {
		runtime.Gosched()
		var vals []int
		for i := 0; i < 3; i++ {
			vals = append(vals, <-ch)
		}
		got <- vals
	}()
	for i := 1; i <= 3; i++ {
		println("f =", f(i))
	}
	for _, v := range <-got {
		println("got", v)
	}
}
