// Checks fan-out (several goroutines reading one channel) and fan-in
// (merging several channels into one); results are sorted before printing.
package main

import (
	"slices"
	"strconv"
	"sync"
)

func source(prefix string, n int) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- prefix + strconv.Itoa(i)
		}
	}()
	return out
}

func merge(ins ...<-chan string) <-chan string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for s := range in {
				out <- s
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	return out
}

func main() {
	var got []string
	for s := range merge(source("a", 3), source("b", 4), source("c", 2)) {
		got = append(got, s)
	}
	slices.Sort(got)
	println("merged", len(got))
	for _, s := range got {
		print(s, " ")
	}
	println()

	// Fan-out: workers share one input channel, each reports its own
	// partial sum on its own channel; fan-in the partials.
	in := make(chan int)
	go func() {
		for i := 1; i <= 1000; i++ {
			in <- i
		}
		close(in)
	}()
	const workers = 5
	partials := make([]chan int, workers)
	for w := range partials {
		partials[w] = make(chan int, 1)
		go func(out chan<- int) {
			s := 0
			for v := range in {
				s += v
			}
			out <- s
		}(partials[w])
	}
	total := 0
	for _, p := range partials {
		total += <-p
	}
	println("fan-out total:", total)

	// Fan-in preserves per-source order even if interleaving varies.
	lastSeen := map[byte]int{}
	ordered := true
	count := 0
	for s := range merge(source("x", 50), source("y", 50), source("z", 50)) {
		n, _ := strconv.Atoi(s[1:])
		if prev, ok := lastSeen[s[0]]; ok && n != prev+1 {
			ordered = false
		}
		lastSeen[s[0]] = n
		count++
	}
	println("per-source order kept:", ordered, "count:", count)
	println("last:", lastSeen['x'], lastSeen['y'], lastSeen['z'])
}
