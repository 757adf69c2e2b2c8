// Checks an unbuffered channel handing values from a producer goroutine to
// the main goroutine in order, with a done channel signalling completion.
package main

type item struct {
	id    int
	label string
}

func producer(out chan<- item, n int, done chan<- int) {
	sent := 0
	for i := 1; i <= n; i++ {
		out <- item{id: i, label: "item"}
		sent++
	}
	close(out)
	done <- sent
}

func main() {
	ch := make(chan item)
	done := make(chan int)
	println("cap:", cap(ch), "len:", len(ch))
	go producer(ch, 8, done)

	sum := 0
	prev := 0
	inOrder := true
	for it := range ch {
		if it.id != prev+1 {
			inOrder = false
		}
		prev = it.id
		sum += it.id
		println("got", it.label, it.id)
	}
	println("sum:", sum, "in order:", inOrder)
	println("producer sent:", <-done)

	// Ping-pong on two unbuffered channels: each exchange is a rendezvous.
	ping := make(chan int)
	pong := make(chan int)
	go func() {
		for v := range ping {
			pong <- v * 2
		}
		close(pong)
	}()
	total := 0
	for i := 0; i < 5; i++ {
		ping <- i
		r := <-pong
		println("pong", i, r)
		total += r
	}
	close(ping)
	_, ok := <-pong
	println("total:", total, "pong open:", ok)
}
