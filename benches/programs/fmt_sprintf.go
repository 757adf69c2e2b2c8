// fmt: Sprintf with integers, floats, strings, quoted strings, padding and
// structs (%v and %+v), and Sscanf back. Checksum: total length of the
// formatted text and the sum of the scanned numbers.
package main

import "fmt"

type point struct {
	X, Y int
	Name string
}

const n = 200000

func main() {
	total, scanned := 0, 0
	for i := 0; i < n; i++ {
		s := fmt.Sprintf("%d|%5d|%-6s|%x|%.3f|%q|%v|%+v", i, i%1000, "ab", i*7, float64(i)/7, "q\"", point{i, -i, "p"}, point{1, 2, "z"})
		total += len(s)
		if i%10 == 0 {
			var a, b int
			fmt.Sscanf(s, "%d|%d|", &a, &b)
			scanned += a + b
		}
	}
	println(total, scanned)
}
