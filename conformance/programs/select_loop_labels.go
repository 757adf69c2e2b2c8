// Checks select inside loops with labeled break and continue, where a plain
// break only leaves the select, and goto out of a select.
package main

func main() {
	data := make(chan int)
	quit := make(chan struct{})
	go func() {
		for i := 1; i <= 10; i++ {
			data <- i
		}
		close(quit)
	}()

	sum, iterations := 0, 0
outer:
	for {
		iterations++
		select {
		case v := <-data:
			if v%2 == 0 {
				continue outer
			}
			if v == 7 {
				break // leaves only the select
			}
			sum += v
		case <-quit:
			break outer
		}
	}
	println("sum of odd except 7:", sum, "iterations:", iterations)

	// Nested loops: break the outer loop from a select in the inner loop.
	grid := make(chan [2]int, 100)
	for r := 0; r < 5; r++ {
		for c := 0; c < 5; c++ {
			grid <- [2]int{r, c}
		}
	}
	close(grid)
	visited := 0
rows:
	for r := 0; ; r++ {
		for c := 0; c < 5; c++ {
			select {
			case cell, ok := <-grid:
				if !ok {
					break rows
				}
				if cell[0] == 3 && cell[1] == 2 {
					println("found target at row", r, "col", c)
					break rows
				}
				visited++
			}
		}
	}
	println("visited before target:", visited, "left in channel:", len(grid))

	// Labeled continue skips the rest of the loop body after the select.
	ticks := make(chan int, 6)
	for i := 0; i < 6; i++ {
		ticks <- i
	}
	close(ticks)
	var kept []int
loop:
	for {
		select {
		case t, ok := <-ticks:
			if !ok {
				break loop
			}
			if t%3 == 0 {
				continue loop
			}
			kept = append(kept, t)
		}
		kept = append(kept, -1)
	}
	for _, k := range kept {
		print(k, " ")
	}
	println()

	// goto out of a select.
	ch := make(chan string, 1)
	ch <- "jump"
	select {
	case s := <-ch:
		println("got", s)
		goto done
	default:
		println("default")
	}
	println("not printed")
done:
	println("after goto")
}
