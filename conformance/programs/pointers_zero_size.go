package main

type empty struct{}

var keep []*[0]int

func main() {
	e1, e2 := &empty{}, &empty{}
	m := map[*empty]int{e1: 1}
	m[e2] = 2
	println(m[e1], len(m), e1 == e2)
	// Escaping zero-size allocations share one address, as in gc (whether
	// distinct non-escaping ones compare equal depends on gc's escape
	// analysis; the spec allows either).
	p, q := new([0]int), new([0]int)
	keep = append(keep, p, q)
	println(p == q, len(p))
}
