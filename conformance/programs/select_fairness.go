// Checks that select chooses pseudo-randomly among several ready cases:
// over many selects on always-ready channels every case gets a fair share.
// Only boolean verdicts are printed.
package main

func main() {
	a := make(chan int, 1)
	b := make(chan int, 1)
	a <- 1
	b <- 2
	const rounds = 10000
	countA, countB := 0, 0
	for i := 0; i < rounds; i++ {
		select {
		case v := <-a:
			countA++
			a <- v
		case v := <-b:
			countB++
			b <- v
		}
	}
	println("total:", countA+countB)
	println("a chosen >= 1000:", countA >= 1000)
	println("b chosen >= 1000:", countB >= 1000)

	// Closed channels are always ready too.
	c1 := make(chan int)
	c2 := make(chan int)
	c3 := make(chan int)
	close(c1)
	close(c2)
	close(c3)
	var counts [3]int
	for i := 0; i < 9000; i++ {
		select {
		case <-c1:
			counts[0]++
		case <-c2:
			counts[1]++
		case <-c3:
			counts[2]++
		}
	}
	for i, c := range counts {
		println("closed case", i, ">= 1000:", c >= 1000)
	}

	// Send cases to buffered channels with room are ready as well.
	s1 := make(chan int, rounds)
	s2 := make(chan int, rounds)
	for i := 0; i < rounds; i++ {
		select {
		case s1 <- i:
		case s2 <- i:
		}
	}
	println("sends:", len(s1)+len(s2))
	println("s1 >= 1000:", len(s1) >= 1000, "s2 >= 1000:", len(s2) >= 1000)

	// Every value was sent exactly once across both channels.
	seen := make([]bool, rounds)
	close(s1)
	close(s2)
	for v := range s1 {
		seen[v] = true
	}
	for v := range s2 {
		seen[v] = true
	}
	all := true
	for _, ok := range seen {
		all = all && ok
	}
	println("all values delivered:", all)
}
