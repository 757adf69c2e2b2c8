// Checks deep recursion (depth 10000) inside goroutines: the goroutine
// blocks on a channel at the bottom of the recursion, then unwinds returning
// values, so goroutine stacks must grow and survive while parked.
package main

type frame struct {
	depth int
	pad   [4]int
}

func descend(f frame, bottom chan int, reached chan<- int) int {
	if f.depth == 0 {
		reached <- 1
		v := <-bottom
		return v
	}
	next := frame{depth: f.depth - 1}
	next.pad[f.depth%4] = f.depth
	r := descend(next, bottom, reached)
	// Use local state after the call to detect corrupted frames.
	return r + next.pad[f.depth%4]%7 + 1
}

func sumTo(n int) int {
	if n == 0 {
		return 0
	}
	return n + sumTo(n-1)
}

func main() {
	const depth = 10000
	const workers = 4
	bottoms := make([]chan int, workers)
	reached := make(chan int)
	results := make([]chan int, workers)
	for w := 0; w < workers; w++ {
		bottoms[w] = make(chan int)
		results[w] = make(chan int, 1)
		go func() {
			results[w] <- descend(frame{depth: depth + w}, bottoms[w], reached)
		}()
	}
	count := 0
	for i := 0; i < workers; i++ {
		count += <-reached
	}
	println("goroutines at bottom:", count)
	for w := workers - 1; w >= 0; w-- {
		bottoms[w] <- 1000 * (w + 1)
		println("worker", w, "result", <-results[w])
	}

	// Expected value, computed iteratively.
	want := 1000
	for d := depth; d >= 1; d-- {
		want += d%7 + 1
	}
	println("expected worker 0:", want)

	// Recursion in a goroutine while main also recurses.
	ch := make(chan int)
	go func() { ch <- sumTo(20000) }()
	mine := sumTo(15000)
	println("sums:", <-ch, mine)
}
