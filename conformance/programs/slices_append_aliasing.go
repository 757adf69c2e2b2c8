package main

func show(name string, s []int) {
	print(name, " len=", len(s), " cap=", cap(s), " [")
	for i, v := range s {
		if i > 0 {
			print(" ")
		}
		print(v)
	}
	println("]")
}

// sink makes the slices escape: gc 1.26 backs appends to slices that never
// escape with a 32-byte stack buffer, which changes cap() (see
// docs/status.md); heap slices follow runtime.growslice.
var sink [][]int
var sinkAny []any

func main() {
	var s []int
	sink = append(sink, s)
	for i := 0; i < 10; i++ {
		s = append(s, i)
		sink[0] = s
		println(len(s), cap(s))
	}
	a := make([]int, 3, 10)
	b := append(a, 1)
	c := append(a, 2)
	show("a", a)
	show("b", b)
	show("c", c)
	d := a[:2]
	d = append(d, 99)
	show("a", a)
	e := append(a[:3:3], 5)
	e[0] = 42
	show("a", a)
	show("e", e)
	bs := []byte("hi")
	bs = append(bs, " there"...)
	println(string(bs), len(bs), cap(bs))
	strs := []string{}
	for i := 0; i < 5; i++ {
		strs = append(strs, "x")
		sinkAny = append(sinkAny, strs)
		print(cap(strs), " ")
	}
	println()
	type big struct{ a, b, c, d, e int64 }
	var bigs []big
	for i := 0; i < 6; i++ {
		bigs = append(bigs, big{a: int64(i)})
		sinkAny = append(sinkAny, bigs)
		print(cap(bigs), " ")
	}
	println()
	x := []int{1, 2, 3}
	x = append(x, x...)
	show("x", x)
	y := append([]int(nil), x[1:3]...)
	show("y", y)
}
