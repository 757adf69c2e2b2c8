package main

type T struct {
	A int
	_ int
	B string
	_ [2]byte
}

type U struct {
	x   float64
	arr [2]int8
	s   struct{ p *int }
}

func main() {
	a := T{A: 1, B: "x"}
	b := T{A: 1, B: "x"}
	println(a == b)
	v := 5
	u1 := U{x: 1.5, arr: [2]int8{1, -1}}
	u2 := u1
	u1.s.p = &v
	println(u1 == u2, u1.s.p != nil)
	u2.s.p = &v
	println(u1 == u2)
	m := map[U]int{u1: 1}
	println(m[u2], len(m))
	type K struct {
		a any
		b [1]string
	}
	km := map[K]bool{{1, [1]string{"z"}}: true}
	println(km[K{1, [1]string{"z"}}], km[K{"1", [1]string{"z"}}])
}
