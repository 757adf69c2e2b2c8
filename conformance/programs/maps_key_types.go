package main

import (
	"math"
	"sort"
)

type key struct {
	a int
	b string
}

func main() {
	m := map[key]int{{1, "a"}: 1, {2, "b"}: 2}
	m[key{1, "a"}] += 10
	println(m[key{1, "a"}], m[key{2, "b"}], len(m))
	am := map[[2]int]string{{1, 2}: "x"}
	println(am[[2]int{1, 2}], am[[2]int{2, 1}] == "")
	im := map[any]int{1: 1, "1": 2, 1.0: 3, true: 4, key{1, "a"}: 5}
	println(im[1], im["1"], im[1.0], im[true], im[key{1, "a"}], len(im))
	fm := map[float64]int{}
	nan := math.NaN()
	fm[nan] = 1
	fm[nan] = 2
	fm[0.0] = 3
	fm[math.Copysign(0, -1)] = 4
	println(len(fm), fm[nan], fm[0])
	var vals []int
	for k, v := range fm {
		if k != k {
			vals = append(vals, v)
		}
	}
	sort.Ints(vals)
	println(len(vals), vals[0], vals[1])
	bm := map[bool]string{true: "yes", false: "no"}
	println(bm[1 < 2], bm[2 < 1])
	type E interface{}
	em := map[E]int{}
	em[nil] = 7
	println(em[nil])
	defer func() { println("recovered:", recover().(error).Error()) }()
	im[[]int{1}] = 1
}
