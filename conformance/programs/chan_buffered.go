// Checks buffered channel len/cap, FIFO fill/drain order, a send that blocks
// only once the buffer is full, and draining buffered values after close.
package main

func main() {
	ch := make(chan string, 4)
	println("empty len:", len(ch), "cap:", cap(ch))
	for _, s := range []string{"a", "b", "c"} {
		ch <- s
		println("after send", s, "len:", len(ch))
	}
	println("recv", <-ch, "len:", len(ch))
	ch <- "d"
	ch <- "e"
	println("full len:", len(ch), "cap:", cap(ch))
	for len(ch) > 0 {
		println("drain", <-ch, len(ch))
	}

	// A sender goroutine fills the buffer and then blocks; main observes
	// len == cap before receiving anything.
	nums := make(chan int, 3)
	filled := make(chan bool)
	go func() {
		for i := 10; i < 16; i++ {
			if i == 13 {
				filled <- true
			}
			nums <- i
		}
		close(nums)
	}()
	<-filled
	println("sender filled buffer:", len(nums) == cap(nums), len(nums))
	sum := 0
	for v := range nums {
		print(v, " ")
		sum += v
	}
	println()
	println("sum:", sum)

	// Values buffered before close are still delivered, then zero/false.
	c := make(chan int, 5)
	c <- 1
	c <- 2
	close(c)
	println("closed len:", len(c), "cap:", cap(c))
	for i := 0; i < 4; i++ {
		v, ok := <-c
		println("recv", v, ok, "len:", len(c))
	}

	// Zero-capacity and nil channels report len/cap 0.
	var nilch chan int
	unbuf := make(chan int)
	println("nil:", len(nilch), cap(nilch), "unbuffered:", len(unbuf), cap(unbuf))

	// Channel of larger element type keeps values intact.
	type pair struct{ a, b int64 }
	pc := make(chan pair, 2)
	pc <- pair{1, 2}
	pc <- pair{3, 4}
	p1, p2 := <-pc, <-pc
	println("pairs:", p1.a, p1.b, p2.a, p2.b)
}
