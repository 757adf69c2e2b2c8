package main

import "math"

func main() {
	println(min(1, 2, 3), max(1, 2, 3), min(-1.5, 2), max(uint8(3), 200))
	println(min("b", "a", "c"), max("", "z"))
	println(min(math.NaN(), 1) != min(math.NaN(), 1), max(math.Inf(-1), -1e308))
	x := []int{5, 6, 7}
	clear(x)
	println(x[0], x[1], x[2], len(x))
	m := map[int]string{1: "a", 2: "b"}
	clear(m)
	println(len(m))
	type P struct{ a int }
	ps := []P{{1}, {2}}
	pp := &ps[1]
	clear(ps)
	println(ps[0].a, pp.a)
	c := complex(3, 4)
	println(real(c), imag(c), real(complex64(c)))
	n := new(int)
	println(*n)
	var arr [3]string
	println(len(arr), arr[0] == "")
}
