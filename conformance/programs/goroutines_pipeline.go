// Checks a three-stage pipeline (generate -> square -> filter) connected by
// channels, with ordering preserved and close propagating down the stages.
package main

func generate(n int) <-chan int {
	out := make(chan int)
	go func() {
		for i := 1; i <= n; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

func square(in <-chan int) <-chan int {
	out := make(chan int, 2)
	go func() {
		defer close(out)
		for v := range in {
			out <- v * v
		}
	}()
	return out
}

func filter(in <-chan int, keep func(int) bool) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			if keep(v) {
				out <- v
			}
		}
	}()
	return out
}

type stage func(<-chan int) <-chan int

func compose(src <-chan int, stages ...stage) <-chan int {
	for _, s := range stages {
		src = s(src)
	}
	return src
}

func main() {
	odd := func(v int) bool { return v%2 == 1 }
	sum := 0
	for v := range filter(square(generate(12)), odd) {
		println("out", v)
		sum += v
	}
	println("sum of odd squares:", sum)

	// Longer pipeline assembled dynamically.
	addOne := func(in <-chan int) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for v := range in {
				out <- v + 1
			}
		}()
		return out
	}
	stages := []stage{square, addOne, addOne, func(in <-chan int) <-chan int {
		return filter(in, func(v int) bool { return v%3 != 0 })
	}}
	count, total := 0, 0
	last := 0
	for v := range compose(generate(1000), stages...) {
		count++
		total += v
		last = v
	}
	println("count:", count, "total:", total, "last:", last)
}
