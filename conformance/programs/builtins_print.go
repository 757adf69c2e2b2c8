package main

func main() {
	println(1, -2, int8(-3), uint8(250), uint64(1<<63), uintptr(7))
	println(1.5, -0.25, 1e21, 1e-7, float32(0.1), 100.0, 3.0e10)
	println(true, false, 'x', "str", "")
	println(complex(1, -2), complex64(complex(0.5, 0.5)))
	var p *int
	var m map[int]int
	var f func()
	var s []int
	println(p == nil, m == nil, f == nil, s == nil)
	println("nil-ish")
	print("no", "spaces", 1, 2, "\n")
	print()
	println()
	var e any
	println(e == nil)
	println(len("héllo"), cap(make([]int, 3, 7)))
}
