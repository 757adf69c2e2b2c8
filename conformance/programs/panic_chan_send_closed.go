// Checks the unrecovered "send on closed channel" panic: deferred calls
// run, then the program exits with status 2 and the runtime error message.
package main

type queue struct {
	ch     chan string
	closed bool
}

func (q *queue) shutdown() {
	close(q.ch)
	q.closed = true
}

func main() {
	q := &queue{ch: make(chan string, 2)}
	q.ch <- "first"
	println("queued:", len(q.ch))
	done := make(chan bool)
	go func() {
		for s := range q.ch {
			println("consumer got", s)
		}
		done <- true
	}()
	q.shutdown()
	<-done
	println("closed:", q.closed)
	defer println("deferred before crash")
	q.ch <- "too late"
	println("unreachable")
}
