// Checks that a panic in a non-main goroutine that is not recovered kills
// the whole program (exit 2) after running that goroutine's defers, and that
// main's defers do not run.
package main

import "errors"

type job struct{ id int }

func (j job) run(ready chan<- bool) {
	defer println("worker defer runs")
	defer func() {
		// Recovering and re-panicking keeps the original message.
		r := recover()
		println("worker saw:", r.(error).Error())
		panic(r)
	}()
	ready <- true
	if j.id == 3 {
		panic(errors.New("job 3 failed"))
	}
}

func main() {
	defer println("main defer must not run")
	println("starting")
	ok := make(chan bool)
	for i := 1; i <= 2; i++ {
		go func() {
			ok <- i > 0
		}()
		println("helper", <-ok)
	}
	ready := make(chan bool)
	go job{id: 3}.run(ready)
	<-ready
	// Block forever; the panicking goroutine terminates the process.
	select {}
}
