package main

func find(grid [][]int, target int) (int, int) {
	for i, row := range grid {
		for j, v := range row {
			if v == target {
				return i, j
			}
		}
	}
	return -1, -1
}

func collatz(n int) int {
	steps := 0
again:
	if n == 1 {
		return steps
	}
	steps++
	if n%2 == 0 {
		n /= 2
	} else {
		n = 3*n + 1
	}
	goto again
}

func main() {
	g := [][]int{{1, 2}, {3, 4}, {5, 6}}
	println(find(g, 4))
	println(find(g, 9))
	println(collatz(27))
	count := 0
L1:
	for i := 0; i < 10; i++ {
	L2:
		for j := 0; j < 10; j++ {
			switch {
			case j > i:
				continue L1
			case i+j == 12:
				break L1
			case j == 5:
				break L2
			}
			count++
		}
	}
	println(count)
	x := 0
	for x < 100 {
		x += 7
		if x%5 == 0 {
			break
		}
	}
	println(x)
}
