package main

import (
	"iter"
	"maps"
	"slices"
)

func Count(n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func Pairs[T any](xs []T) iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, x := range xs {
			if !yield(i, x) {
				return
			}
		}
	}
}

func main() {
	for i := range Count(5) {
		if i == 3 {
			break
		}
		print(i, " ")
	}
	println()
	for i, s := range Pairs([]string{"a", "b", "c"}) {
		print(i, s, " ")
	}
	println()
	sum := 0
	for v := range Count(10) {
		if v%2 == 0 {
			continue
		}
		sum += v
	}
	println(sum)
	m := map[string]int{"x": 1, "y": 2, "z": 3}
	keys := slices.Sorted(maps.Keys(m))
	println(len(keys), keys[0], keys[2])
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	println(vals[0], vals[2])
	for i, v := range slices.Backward([]int{1, 2, 3}) {
		print(i, v, " ")
	}
	println()
	found := func() int {
		for v := range Count(100) {
			if v*v > 50 {
				return v
			}
		}
		return -1
	}()
	println(found)
}
