// Checks select mixing send and receive cases: an unbounded FIFO buffer
// goroutine accepts input and emits output in the same select loop.
package main

func fifo(in <-chan int, out chan<- int) {
	var queue []int
	for in != nil || len(queue) > 0 {
		var sendCh chan<- int
		var next int
		if len(queue) > 0 {
			sendCh = out
			next = queue[0]
		}
		select {
		case v, ok := <-in:
			if !ok {
				in = nil
				continue
			}
			queue = append(queue, v)
		case sendCh <- next:
			queue = queue[1:]
		}
	}
	close(out)
}

func main() {
	in := make(chan int)
	out := make(chan int)
	go fifo(in, out)

	// Push 50 values without reading: the buffer goroutine must keep
	// accepting even though nobody receives yet.
	for i := 0; i < 50; i++ {
		in <- i * 3
	}
	println("pushed 50 without blocking")
	for i := 0; i < 5; i++ {
		print(<-out, " ")
	}
	println()
	for i := 50; i < 60; i++ {
		in <- i * 3
	}
	close(in)
	count, sum, prev := 5, 0, 12
	ordered := true
	for v := range out {
		if v != prev+3 {
			ordered = false
		}
		prev = v
		sum += v
		count++
	}
	println("received:", count, "sum tail:", sum, "fifo order:", ordered)

	// Request/ack with one select that can either send a request or
	// receive an ack, allowing up to two requests in flight.
	req := make(chan int)
	ack := make(chan int)
	go func() {
		for r := range req {
			ack <- r * r
		}
		close(ack)
	}()
	pending := []int{1, 2, 3, 4, 5}
	acks, inFlight := 0, 0
	total := 0
	for acks < 5 {
		var sendCh chan int
		var v int
		if len(pending) > 0 && inFlight < 2 {
			sendCh = req
			v = pending[0]
		}
		select {
		case sendCh <- v:
			pending = pending[1:]
			inFlight++
		case a := <-ack:
			acks++
			inFlight--
			total += a
			println("ack", acks, a)
		}
	}
	close(req)
	_, ok := <-ack
	println("total:", total, "ack open:", ok)
}
