// Sorting 1M ints: pseudo-random data sorted with slices.Sort, sort.Ints
// and slices.SortFunc (descending), checked against each other. Checksum:
// position-weighted sums of the sorted data.
package main

import (
	"slices"
	"sort"
)

const n = 1000000

const rounds = 2

func main() {
	seed := uint64(0x9E3779B97F4A7C15)
	var sum uint64
	for r := 0; r < rounds; r++ {
		a := make([]int, n)
		for i := range a {
			seed ^= seed << 13
			seed ^= seed >> 7
			seed ^= seed << 17
			a[i] = int(seed>>20) - 1<<43 // some negative, some duplicates unlikely
			if i%16 == 0 {
				a[i] = int(seed % 1000) // many duplicates
			}
		}
		b := slices.Clone(a)
		c := slices.Clone(a)
		slices.Sort(a)
		sort.Ints(b)
		slices.SortFunc(c, func(x, y int) int {
			if x > y {
				return -1
			}
			if x < y {
				return 1
			}
			return 0
		})
		for i := range a {
			if a[i] != b[i] || a[i] != c[n-1-i] {
				panic("sorts disagree")
			}
			sum = sum*31 + uint64(a[i])*uint64(i|1)
		}
		println("round", r, "min", a[0], "median", a[n/2], "max", a[n-1])
	}
	println("sort checksum", sum, sort.IntsAreSorted([]int{1, 2, 3}))
}
