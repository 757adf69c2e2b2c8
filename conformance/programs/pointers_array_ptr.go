package main

func sum(a *[4]int) int {
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}

func main() {
	a := [4]int{1, 2, 3, 4}
	p := &a
	p[2] = 30
	println(a[2], len(p), sum(p), sum(&a))
	s := p[1:3]
	s[0] = 20
	println(a[1], len(s), cap(s))
	for i, v := range p {
		print(i, ":", v, " ")
	}
	println()
	var np *[4]int
	println(len(np), np == nil)
	q := &[2]string{"x", "y"}
	q[1] = "z"
	println(q[0], q[1])
}
